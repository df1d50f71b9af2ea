using Tandem.Evaluation;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// Checks a model's citations against the context it was given: the cited passage must have
/// been in that context, its document must be readable by the caller, and the quote must occur
/// in the passage (whitespace-tolerant, with curly quotes and dashes read as plain ones). A
/// verified citation is mapped back to the exact span of the document, so a report can show
/// the document's own words; anything else is flagged, never passed on as if it were checked.
/// </summary>
public sealed class CitationVerifier(IReadOnlyList<Passage> context, IReadOnlySet<string> readableDocuments)
{
    /// <summary>Quotes shorter than this many words cannot be verified: they match almost anywhere.</summary>
    public const int MinimumWords = 3;

    public CitationCheck Check(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (citation.PassageNumber < 1 || citation.PassageNumber > context.Count)
        {
            return new CitationCheck(citation, CitationStatus.NotInContext, null, 0, 0, null);
        }

        var passage = context[citation.PassageNumber - 1];
        if (!readableDocuments.Contains(passage.DocumentId))
        {
            return new CitationCheck(citation, CitationStatus.NotReadable, passage, 0, 0, null);
        }

        if (citation.Quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinimumWords)
        {
            return new CitationCheck(citation, CitationStatus.QuoteTooShort, passage, 0, 0, null);
        }

        var span = new SpanLocator(Plain(passage.Text)).Find(Plain(citation.Quote.Trim().Trim('"', '“', '”')));
        return span is { } s
            ? new CitationCheck(citation, CitationStatus.Verified, passage, passage.Start + s.Start, passage.Start + s.End, passage.Text[s.Start..s.End])
            : new CitationCheck(citation, CitationStatus.QuoteNotFound, passage, 0, 0, null);
    }

    /// <summary>Typographic characters as their plain forms, one for one, so offsets do not move.</summary>
    private static string Plain(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' => ' ',
                var c => c,
            };
        }
    });
}
