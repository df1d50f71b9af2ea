namespace Tandem.Documents;

/// <summary>Which kind of marker opens a line.</summary>
internal enum MarkerType
{
    Exhibit,
    Article,
    Decimal,
    Enumeration,
}
