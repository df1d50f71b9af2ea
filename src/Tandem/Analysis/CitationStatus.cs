namespace Tandem.Analysis;

/// <summary>The outcome of checking one citation.</summary>
public enum CitationStatus
{
    /// <summary>The passage was in the context, the caller may read it, and the quote occurs in it.</summary>
    Verified,

    /// <summary>The cited passage number was not in the context the model saw.</summary>
    NotInContext,

    /// <summary>The passage's document is not readable by the caller (it should never have been in the context).</summary>
    NotReadable,

    /// <summary>The quote does not occur in the cited passage, even ignoring whitespace and typographic quotes.</summary>
    QuoteNotFound,

    /// <summary>The quote is too short to prove anything (fewer than three words).</summary>
    QuoteTooShort,
}
