using System.Text.RegularExpressions;

namespace Tandem.Retrieval;

/// <summary>
/// Words that turn a clause or a query around: a query that asks for a cap "without carveouts" or
/// for an indemnity that does "not include hold harmless" wants the clause without the thing it
/// names, and one that asks for an "exception" or a "carveout" wants a clause that makes one. Term
/// and embedding features score the named thing alone, so these say which way the query points.
/// </summary>
public static partial class ExceptionCues
{
    /// <summary>Whether the query asks for a clause lacking something ("without", "not", "unqualified", "excluding").</summary>
    public static bool AsksWithout(string query) => Without().IsMatch(query);

    /// <summary>Whether the query asks for an exception to something ("exception", "except", "carveout", "carve-out").</summary>
    public static bool AsksException(string query) => Exception().IsMatch(query);

    /// <summary>The terms a query asks to be absent: its <see cref="TextTerms"/> after its first "not", "without" or "no".</summary>
    public static IReadOnlyList<string> NegatedTerms(string query) => TextTerms.Tokens(AfterNegation(query)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Which way a query points on carve-outs: −1 when it wants none ("unqualified", "without
    /// carveouts", "not ... exceptions"), +1 when it asks for one ("exception", "carveout"), else 0.
    /// </summary>
    public static int CarveoutPolarity(string query)
    {
        if (Unqualified().IsMatch(query) || Exception().IsMatch(AfterNegation(query)))
        {
            return -1;
        }

        return AsksException(query) ? 1 : 0;
    }

    /// <summary>How many exception words the text has ("except", "exclude", "notwithstanding", "other than", "carve-out", ...).</summary>
    public static int Count(string text) => Exception().Count(text) + Clause().Count(text);

    [GeneratedRegex(@"\b(without|not|unqualified|excluding|no)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Without();

    /// <summary>The query's text after its first "not", "without" or "no"; empty when it has none.</summary>
    private static string AfterNegation(string query)
    {
        var match = Negation().Match(query);
        return match.Success ? query[(match.Index + match.Length)..] : "";
    }

    [GeneratedRegex(@"\b(not|without|no)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\bunqualified\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Unqualified();

    [GeneratedRegex(@"\b(exceptions?|except|carve[- ]?outs?|excluding)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Exception();

    [GeneratedRegex(@"\b(exclud(e|es|ed)|notwithstanding|other than|save for|provided(, however,)? that)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Clause();
}
