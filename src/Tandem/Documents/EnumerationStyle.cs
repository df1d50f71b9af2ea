namespace Tandem.Documents;

/// <summary>How an enumeration counts.</summary>
internal enum EnumerationStyle
{
    None,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
    Digit,
}
