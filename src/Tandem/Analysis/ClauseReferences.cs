using System.Text.RegularExpressions;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// The clauses a clause refers to by number, read into it as a lawyer reads them: "the limitation in clause 15.2 shall not
/// apply to any liability under clause 13 or clause 14" leaves uncapped whatever clauses 13 and 14 make someone liable
/// for, and whose liability that is only those clauses say ("The Supplier shall indemnify the Buyer …"). A reference to
/// "clause 13" reads clause 13 with its sub-clauses; one to "clause 13.1" reads that clause with the items under it.
/// Where a clause and its sub-clauses run longer than <see cref="MaxReferenceLength"/>, the sub-clauses read are those that
/// share most words with the clause referring to them ("any warranty or indemnity in clause 9" reads 9.7, where the
/// University warrants and indemnifies, before 9.1 to 9.6 on who owns what), and, for a clause on liability, those that
/// give an indemnity or a warranty first; kept in the contract's order, the first piece left out filling what room remains.
/// </summary>
public sealed partial class ClauseReferences
{
    /// <summary>The most of one referenced clause read into another.</summary>
    public const int MaxReferenceLength = 1500;

    /// <summary>The most clauses read into one.</summary>
    public const int MaxReferencesPerClause = 4;

    /// <summary>The most pieces kept under one clause number (a long clause's sub-clauses beyond these are not read).</summary>
    private const int MaxPiecesPerClause = 64;

    private readonly Dictionary<string, List<string>> _byNumber;

    private ClauseReferences(Dictionary<string, List<string>> byNumber) => _byNumber = byNumber;

    /// <summary>A contract with no numbered clauses.</summary>
    public static ClauseReferences None { get; } = new(new Dictionary<string, List<string>>(StringComparer.Ordinal));

    /// <summary>How many clause numbers can be read.</summary>
    public int Count => _byNumber.Count;

    /// <summary>The numbered clauses of <paramref name="clauses"/> (in document order), each with everything under it.</summary>
    public static ClauseReferences Of(IReadOnlyList<StoredClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var texts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Per clause number, the path of its last piece when that piece is a lead-in ("11.1 Each party shall indemnify the
        // other against … arising out of:") still taking its items.
        var openLeadIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stored in clauses)
        {
            // "12.3(b)" and "12.3#2" belong to 12.3, which belongs to 12; a schedule's paragraphs are not numbered clauses.
            if (Number().Match(stored.Clause.Path) is not { Success: true } m)
            {
                continue;
            }

            var number = m.Groups["n"].Value;
            var text = stored.Clause.Text.Trim();
            for (var prefix = number; prefix.Length > 0; prefix = prefix.LastIndexOf('.') is var dot and > 0 ? prefix[..dot] : string.Empty)
            {
                var pieces = texts.TryGetValue(prefix, out var known) ? known : texts[prefix] = [];
                // An item finishes its lead-in's sentence ("… arising out of: (a) the condition of the Site; or (b) …"), so it is
                // kept in the same piece: a reader of the sentence sees what the duty is for.
                if (openLeadIn.TryGetValue(prefix, out var leadIn) && stored.Clause.Path.StartsWith(leadIn + "(", StringComparison.Ordinal))
                {
                    pieces[^1] += " " + text;
                    continue;
                }

                openLeadIn.Remove(prefix);
                if (pieces.Count < MaxPiecesPerClause)
                {
                    pieces.Add(text);
                    if (text.EndsWith(':'))
                    {
                        openLeadIn[prefix] = stored.Clause.Path;
                    }
                }
            }
        }

        return new ClauseReferences(texts);
    }

    /// <summary>The clause numbers <paramref name="clause"/> names ("clause 13 or clause 14", "Clauses 9.1 and 9.2"), that the contract has.</summary>
    public IReadOnlyList<string> Named(string clause) => Named(clause, MaxReferencesPerClause);

    /// <summary>
    /// The first <paramref name="max"/> clause numbers <paramref name="clause"/> names, for a reader that must see past the
    /// limits a clause names first ("Clauses 15.2 and 15.3 do not apply to any liability under clause 8, clause 11.4 or
    /// clause 14").
    /// </summary>
    public IReadOnlyList<string> Named(string clause, int max)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var named = new List<string>();
        foreach (Match reference in Reference().Matches(clause))
        {
            // "section 12 of the Sale of Goods Act 1979" names a statute's section, not one of the contract's clauses.
            if (Statute().IsMatch(clause.AsSpan(reference.Index + reference.Length)))
            {
                continue;
            }

            foreach (Capture number in reference.Groups["n"].Captures)
            {
                var n = number.Value.TrimEnd('.');
                if (_byNumber.ContainsKey(n) && !named.Contains(n, StringComparer.Ordinal) && named.Count < max)
                {
                    named.Add(n);
                }
            }
        }

        return named;
    }

    /// <summary>The pieces of clause <paramref name="number"/> (the clause and what is numbered under it), in the contract's order; none when the contract has no such clause.</summary>
    public IReadOnlyList<string> Pieces(string number) => _byNumber.TryGetValue(number, out var pieces) ? pieces : [];

    /// <summary>
    /// <paramref name="clause"/> followed by the clauses it names, each as its own paragraph, so a pattern can see what they
    /// say; the clause itself when it names none the contract has.
    /// </summary>
    public string Read(string clause)
    {
        var named = Named(clause);
        return named.Count == 0 ? clause : clause + "\n\n" + string.Join("\n\n", named.Select(n => Text(_byNumber[n], clause)));
    }

    /// <summary>
    /// A referenced clause's pieces as one paragraph of at most <see cref="MaxReferenceLength"/> characters: all of them when
    /// they fit; else its first piece (the clause's own words) and then the sub-clauses sharing most words with
    /// <paramref name="referring"/> (an indemnity or warranty counting double when it is about liability), in the contract's order.
    /// </summary>
    private static string Text(List<string> pieces, string referring)
    {
        if (pieces.Sum(p => p.Length + 1) - 1 <= MaxReferenceLength)
        {
            return string.Join(" ", pieces);
        }

        var asked = Stems(referring);
        // A clause that limits or lifts liability names others to say whose liability that is: the pieces that give an
        // indemnity or a warranty, or make someone liable, say it.
        var aboutLiability = LiabilityWords().IsMatch(referring);
        var chosen = new SortedSet<int> { 0 };
        var length = pieces[0].Length;
        foreach (var i in Enumerable.Range(1, pieces.Count - 1)
            .Select(i => (i, Shared: Stems(pieces[i]).Count(asked.Contains) + (aboutLiability && LiabilityGiven().IsMatch(pieces[i]) ? 2 : 0)))
            .Where(p => p.Shared > 0).OrderByDescending(p => p.Shared).ThenBy(p => p.i).Select(p => p.i))
        {
            if (length + 1 + pieces[i].Length <= MaxReferenceLength)
            {
                chosen.Add(i);
                length += 1 + pieces[i].Length;
            }
        }

        // Whatever room is left goes to the remaining pieces in order, as before.
        for (var i = 1; i < pieces.Count && length < MaxReferenceLength; i++)
        {
            if (!chosen.Contains(i) && length + 1 + pieces[i].Length <= MaxReferenceLength)
            {
                chosen.Add(i);
                length += 1 + pieces[i].Length;
            }
        }

        // The first piece left out fills what room remains, cut, as a whole clause read up to the limit would be.
        var text = string.Join(" ", chosen.Select(i => pieces[i]));
        if (Enumerable.Range(1, pieces.Count - 1).FirstOrDefault(i => !chosen.Contains(i)) is var next and > 0 && text.Length + 1 < MaxReferenceLength)
        {
            text += " " + pieces[next];
        }

        return text.Length <= MaxReferenceLength ? text : text[..MaxReferenceLength];
    }

    /// <summary>The first six letters of each word of five letters or more that is not the grammar of a reference ("clause", "shall", "liability").</summary>
    private static HashSet<string> Stems(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => !Grammar.Contains(w)).Select(w => w.Length > 6 ? w[..6] : w).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Grammar = new(StringComparer.Ordinal)
    {
        "clause", "clauses", "section", "sections", "article", "articles", "shall", "party", "parties", "party's", "other",
        "agreement", "under", "apply", "applies", "limit", "limits", "limited", "limitation", "limitations", "liability",
        "liable", "either", "which", "their", "there", "where", "whether", "would", "these", "those", "arising", "including",
    };

    [GeneratedRegex(@"\p{L}[\p{L}'’]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:liabilit|limit|cap(?:s|ped)?\b|exclu)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiabilityWords();

    [GeneratedRegex(@"\b(?:indemnif|hold\s+harmless|warrant|(?:be|is|remain)\s+liable|responsible\s+for)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiabilityGiven();

    /// <summary>A body clause's number: "13", "13.1", "13.1(b)" and "13.1#2" give 13 and 13.1.</summary>
    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,3}){0,3})(?![\d.]*\s*/)", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>What follows a section number that belongs to a statute or a code: "of the Sale of Goods Act 1979", "of the Companies Act 2006".</summary>
    [GeneratedRegex(@"^\s*(?:of|under)\s+(?:the\s+)?(?:(?:[A-Z][\w'’()-]*|of|and|for|the|in|on|to)\s+){0,8}(?:Act|Acts|Regulations?|Code|Directive|Ordinance|Law|Rules|Statute|Convention|Order)\b", RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Statute();

    /// <summary>"clause 13", "Clauses 9.1 and 9.2", "sections 11, 12 or 14", "clause 13 or clause 14".</summary>
    [GeneratedRegex(@"\b(?:clauses?|sections?|articles?)\s+(?<n>\d{1,3}(?:\.\d{1,3}){0,3})(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*,\s*(?:and|or)\s+)(?:(?:clauses?|sections?|articles?)\s+)?(?<n>\d{1,3}(?:\.\d{1,3}){0,3}))*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex Reference();
}
