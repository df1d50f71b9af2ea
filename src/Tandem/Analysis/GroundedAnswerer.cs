using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// Answers a question from the caller's documents with numbered, verified citations: hybrid
/// retrieval over what the caller may read (an <see cref="IPassageRetriever"/>: the server's
/// <see cref="RetrievalIndex"/> or the CLI's <see cref="KnowledgeBaseSearch"/>), then either a model
/// writing one sentence per line with quoted sources (<see cref="KnowledgeBaseAnswerer"/>'s
/// prompt), each line checked by <see cref="CitationVerifier"/> as soon as it is complete, or,
/// with no model, an extractive answer: the best sentence of each of the best passages, quoted
/// and cited, so it works offline. Only verified citations become [n]; a model's sentence whose
/// quotes do not check out is marked [unverified], never shown as sourced. Transport-agnostic:
/// the OpenAI-compatible endpoint and <c>tandem ask</c> render it.
/// </summary>
public sealed partial class GroundedAnswerer(IPassageRetriever retriever)
{
    /// <summary>The built-in model id: the extractive answer, no LLM.</summary>
    public const string ExtractiveModel = "tandem-retrieval";

    /// <summary>Passages retrieved per question.</summary>
    public int Passages { get; init; } = 8;

    /// <summary>How many passages an extractive answer quotes.</summary>
    public int ExtractiveQuotes { get; init; } = 3;

    /// <summary>The whole answer (<see cref="StreamAsync"/>, collected).</summary>
    public async Task<GroundedAnswer> AnswerAsync(string question, Principal caller, IChatClient? client = null, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        var sources = new List<AnswerSource>();
        await foreach (var update in StreamAsync(question, caller, client, cancellationToken))
        {
            text.Append(update.Text);
            sources.AddRange(update.NewSources);
        }

        return new GroundedAnswer(text.ToString().TrimEnd(), sources);
    }

    /// <summary>The answer as it is produced, line by line; <paramref name="client"/> null answers extractively.</summary>
    public async IAsyncEnumerable<GroundedAnswerUpdate> StreamAsync(string question, Principal caller, IChatClient? client = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(caller);
        var context = await retriever.RetrieveAsync(question, caller, Passages, cancellationToken);
        if (context.Count == 0)
        {
            yield return new GroundedAnswerUpdate("No passage you may read matches the question, so there is nothing to answer from.", []);
            yield break;
        }

        var numbering = new SourceNumbering(new CitationVerifier(context, context.Select(p => p.DocumentId).ToHashSet(StringComparer.Ordinal)));
        if (client is null)
        {
            foreach (var (passage, number) in context.Take(ExtractiveQuotes).Select((p, i) => (p, i + 1)))
            {
                var check = numbering.Verifier.Check(new Citation(number, BestSentence(passage.Text, question)));
                if (check.IsVerified)
                {
                    var mark = numbering.Mark(check, out var added);
                    yield return new GroundedAnswerUpdate($"\"{check.VerbatimQuote}\" ({passage.DocumentTitle} v{passage.Version}, clause {passage.Path}) {mark}\n", added);
                }
            }

            yield break;
        }

        var pending = new StringBuilder();
        await foreach (var piece in new KnowledgeBaseAnswerer(client).StreamAnswerTextAsync(question, context, cancellationToken))
        {
            pending.Append(piece);
            var end = pending.ToString().LastIndexOf('\n');
            if (end >= 0)
            {
                var lines = pending.ToString(0, end + 1);
                pending.Remove(0, end + 1);
                if (Render(lines, numbering) is { } update)
                {
                    yield return update;
                }
            }
        }

        if (Render(pending.ToString(), numbering) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Complete lines of a model's answer, checked and rendered with [n] marks; null when they hold no sentence.</summary>
    private static GroundedAnswerUpdate? Render(string lines, SourceNumbering numbering)
    {
        var text = new StringBuilder();
        var added = new List<AnswerSource>();
        foreach (var sentence in KnowledgeBaseAnswerer.ParseLines(lines))
        {
            var checks = sentence.Citations.Select(numbering.Verifier.Check).ToList();
            var verified = checks.Count > 0 && checks.All(c => c.IsVerified);
            var marks = new List<string>();
            foreach (var check in verified ? checks : [])
            {
                marks.Add(numbering.Mark(check, out var fresh));
                added.AddRange(fresh);
            }

            var mark = verified ? string.Concat(marks.Distinct(StringComparer.Ordinal)) : "[unverified]";
            text.Append(sentence.Text).Append(' ').Append(mark).Append('\n');
        }

        return text.Length == 0 ? null : new GroundedAnswerUpdate(text.ToString(), added);
    }

    /// <summary>
    /// The sentence of a passage sharing most query terms (the first on ties), or the passage's
    /// opening when that sentence is too short to verify.
    /// </summary>
    internal static string BestSentence(string passage, string question)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var terms = Bm25Index.QueryTerms(question).ToHashSet(StringComparer.Ordinal);
        var best = Sentences(passage)
            .OrderByDescending(s => Bm25Index.Tokens(s).Distinct(StringComparer.Ordinal).Count(terms.Contains))
            .FirstOrDefault() ?? passage;
        if (best.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= CitationVerifier.MinimumWords)
        {
            return best;
        }

        var cut = passage.Length <= 400 ? passage.Length : passage.LastIndexOf(' ', 400) is > 0 and var space ? space : 400;
        return passage[..cut].Trim();
    }

    /// <summary>
    /// The passage's sentences, verbatim, with a leading heading ("10.3 Termination for Convenience.") kept with the
    /// sentence after it: alone it shares the question's words and says nothing, and was quoted as the answer.
    /// </summary>
    private static List<string> Sentences(string passage)
    {
        var spans = new List<(int Start, int End)>();
        var start = 0;
        foreach (System.Text.RegularExpressions.Match end in SentenceEnd().Matches(passage))
        {
            spans.Add((start, end.Index));
            start = end.Index + end.Length;
        }

        spans.Add((start, passage.Length));
        spans.RemoveAll(s => passage.AsSpan(s.Start, s.End - s.Start).IsWhiteSpace());
        if (spans.Count > 1 && HeadingLike().IsMatch(passage[spans[0].Start..spans[0].End].Trim()))
        {
            spans[1] = (spans[0].Start, spans[1].End);
            spans.RemoveAt(0);
        }

        return spans.Select(s => passage[s.Start..s.End].Trim()).ToList();
    }

    /// <summary>A heading: an optional section number, then at most eight words each starting with a capital or a digit (small words aside).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?\s+)?(?:[A-Z0-9][\w'’&/-]*|of|and|or|for|to|the|in|on|by|a|an)(?:\s+(?:[A-Z0-9][\w'’&/-]*|of|and|or|for|to|the|in|on|by|a|an)){0,7}[.:]?$")]
    private static partial System.Text.RegularExpressions.Regex HeadingLike();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.;!?])\s+")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();
}
