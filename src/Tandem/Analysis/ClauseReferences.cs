using System.Text;
using System.Text.RegularExpressions;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// The clauses a clause refers to by number, read into it as a lawyer reads them: "the limitation in clause 15.2 shall not
/// apply to any liability under clause 13 or clause 14" leaves uncapped whatever clauses 13 and 14 make someone liable
/// for, and whose liability that is only those clauses say ("The Supplier shall indemnify the Buyer …"). A reference to
/// "clause 13" reads clause 13 with its sub-clauses; one to "clause 13.1" reads that clause with the items under it.
/// </summary>
public sealed partial class ClauseReferences
{
    /// <summary>The most of one referenced clause read into another.</summary>
    public const int MaxReferenceLength = 1500;

    /// <summary>The most clauses read into one.</summary>
    public const int MaxReferencesPerClause = 4;

    private readonly Dictionary<string, string> _byNumber;

    private ClauseReferences(Dictionary<string, string> byNumber) => _byNumber = byNumber;

    /// <summary>A contract with no numbered clauses.</summary>
    public static ClauseReferences None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>How many clause numbers can be read.</summary>
    public int Count => _byNumber.Count;

    /// <summary>The numbered clauses of <paramref name="clauses"/> (in document order), each with everything under it.</summary>
    public static ClauseReferences Of(IReadOnlyList<StoredClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var texts = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var stored in clauses)
        {
            // "12.3(b)" and "12.3#2" belong to 12.3, which belongs to 12; a schedule's paragraphs are not numbered clauses.
            if (Number().Match(stored.Clause.Path) is not { Success: true } m)
            {
                continue;
            }

            var number = m.Groups["n"].Value;
            for (var prefix = number; prefix.Length > 0; prefix = prefix.LastIndexOf('.') is var dot and > 0 ? prefix[..dot] : string.Empty)
            {
                var text = texts.TryGetValue(prefix, out var known) ? known : texts[prefix] = new StringBuilder();
                if (text.Length < MaxReferenceLength)
                {
                    text.Append(text.Length == 0 ? string.Empty : " ").Append(stored.Clause.Text.Trim());
                }
            }
        }

        return new ClauseReferences(texts.ToDictionary(t => t.Key, t => Cut(t.Value.ToString()), StringComparer.Ordinal));
    }

    /// <summary>The clause numbers <paramref name="clause"/> names ("clause 13 or clause 14", "Clauses 9.1 and 9.2"), that the contract has.</summary>
    public IReadOnlyList<string> Named(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var named = new List<string>();
        foreach (Match reference in Reference().Matches(clause))
        {
            foreach (Capture number in reference.Groups["n"].Captures)
            {
                var n = number.Value.TrimEnd('.');
                if (_byNumber.ContainsKey(n) && !named.Contains(n, StringComparer.Ordinal) && named.Count < MaxReferencesPerClause)
                {
                    named.Add(n);
                }
            }
        }

        return named;
    }

    /// <summary>
    /// <paramref name="clause"/> followed by the clauses it names, each as its own paragraph, so a pattern can see what they
    /// say; the clause itself when it names none the contract has.
    /// </summary>
    public string Read(string clause)
    {
        var named = Named(clause);
        return named.Count == 0 ? clause : clause + "\n\n" + string.Join("\n\n", named.Select(n => _byNumber[n]));
    }

    private static string Cut(string text) => text.Length <= MaxReferenceLength ? text : text[..MaxReferenceLength];

    /// <summary>A body clause's number: "13", "13.1", "13.1(b)" and "13.1#2" give 13 and 13.1.</summary>
    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,3}){0,3})(?![\d.]*\s*/)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>"clause 13", "Clauses 9.1 and 9.2", "sections 11, 12 or 14", "clause 13 or clause 14".</summary>
    [GeneratedRegex(@"\b(?:clauses?|sections?|articles?)\s+(?<n>\d{1,3}(?:\.\d{1,3}){0,3})(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*,\s*(?:and|or)\s+)(?:(?:clauses?|sections?|articles?)\s+)?(?<n>\d{1,3}(?:\.\d{1,3}){0,3}))*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Reference();
}
