using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>The words a contract uses for a party (its role, legal name, aliases and distinctive first word), and finding them in text.</summary>
internal static class PartyNames
{
    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase) { "The", "First", "Global", "National", "United", "General", "International" };

    /// <summary>"Provider", "Orrin Cloud Ltd", "Orrin": every name the party may go by in the text.</summary>
    public static IEnumerable<string> Of(ContractParty party)
    {
        var first = party.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return party.Aliases.Append(party.Role).Append(party.Name)
            .Concat(first is { Length: > 3 } && char.IsUpper(first[0]) && !GenericWords.Contains(first) ? [first] : [])
            .Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="text"/> names any of <paramref name="names"/> as a whole word.</summary>
    public static bool Mentions(string text, IEnumerable<string> names) =>
        names.Any(n => Regex.IsMatch(text, $@"\b{Regex.Escape(n)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget.Timeout));

    /// <summary>A pattern alternation of the names, longest first, for use inside a larger pattern.</summary>
    public static string Alternation(IEnumerable<string> names) =>
        string.Join('|', names.OrderByDescending(n => n.Length).Select(Regex.Escape));
}
