namespace Tandem.Documents;

/// <summary>What a segment of a contract is, structurally.</summary>
public enum ClauseKind
{
    /// <summary>Text before the first numbered provision (title, parties, recitals).</summary>
    Preamble,
    /// <summary>An article heading, e.g. "ARTICLE 5 TERM AND TERMINATION".</summary>
    Article,
    /// <summary>A numbered section, e.g. "12.3" or "Section 4".</summary>
    Section,
    /// <summary>A lettered or roman sub-clause, e.g. "(b)" or "(ii)".</summary>
    Subclause,
    /// <summary>An unnumbered paragraph continuing its parent.</summary>
    Paragraph,
    /// <summary>A stand-alone heading line.</summary>
    Heading,
    /// <summary>A provision that defines a term ("Affiliate" means ...).</summary>
    Definition,
    /// <summary>The title line of an exhibit, schedule, annex or appendix.</summary>
    Exhibit,
    /// <summary>A table-of-contents entry.</summary>
    TableOfContents,
}
