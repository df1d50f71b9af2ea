using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Finds the parties of a contract and their defined roles in its preamble: "by and between
/// Acme Corp., a Delaware corporation ... ("Provider"), and Beta LLC ... ("Customer")". Each party
/// is the chunk of the party sentence between "between"/"and" and the parenthesised defined term
/// that ends it; the name is that chunk up to its description (", a Delaware corporation").
/// Only the opening of the document is read, so a definitions section naming other entities
/// does not add parties.
/// </summary>
public sealed partial class PartyFinder
{
    /// <summary>How much of the document's opening may hold the party sentence.</summary>
    public const int PreambleLength = 4000;

    private static readonly HashSet<string> NotParties = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agreement", "Effective Date", "Party", "Parties", "Contract", "Terms", "Order", "Commencement Date",
    };

    /// <summary>The parties in order of appearance, or an empty list when the preamble names none.</summary>
    public IReadOnlyList<ContractParty> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var opening = Flatten(text.Length > PreambleLength ? text[..PreambleLength] : text);
        var between = Between().Match(opening);
        if (!between.Success)
        {
            return [];
        }

        var parties = new List<ContractParty>();
        var rest = opening[(between.Index + between.Length)..];
        var chunkStart = 0;
        foreach (Match term in DefinedTerm().Matches(rest))
        {
            var role = term.Groups["term"].Value.Trim();
            var chunk = rest[chunkStart..term.Index];
            if (NotParties.Contains(role))
            {
                continue;
            }

            if (parties.Count > 0 && SentenceEnd().IsMatch(chunk))
            {
                break; // a defined term after the party sentence ended
            }

            chunkStart = term.Index + term.Length;
            var name = NameOf(Connector().Replace(chunk, string.Empty, 1));
            if (name.Length > 0 && !parties.Any(p => p.Role.Equals(role, StringComparison.OrdinalIgnoreCase)))
            {
                parties.Add(new ContractParty(name, role));
            }
        }

        return parties;
    }

    /// <summary>"Lumenfield Software, Inc., a Delaware corporation having ..." → "Lumenfield Software, Inc.".</summary>
    private static string NameOf(string chunk)
    {
        var description = Description().Match(chunk);
        var name = (description.Success ? chunk[..description.Index] : chunk).Trim().TrimEnd(',', ' ').Trim();
        name = LeadingArticle().Replace(name, string.Empty);
        return name.Length > 120 ? string.Empty : name;
    }

    private static string Flatten(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\b(?:by and between|by and among|between|among)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    /// <summary>("Provider"), (the "Customer"), (hereinafter "Licensee"), (together with its Affiliates, "Buyer").</summary>
    [GeneratedRegex(@"\((?:[^()""“”]{0,60}?)?[""“](?<term>[^""“”]{1,40})[""”]\)")]
    private static partial Regex DefinedTerm();

    /// <summary>What joins one party to the next: "), and", ";", "and".</summary>
    [GeneratedRegex(@"^[\s,;]*(?:and\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Connector();

    /// <summary>A full stop that ends the party sentence: ". Provider and Customer are ...".</summary>
    [GeneratedRegex(@"(?<!\b(?:St|Ste|No|Nos|Co|Corp|Inc|Ltd|Mr|Ms|Mrs|Dr|Jr|Sr|Ave|Blvd|Rd|Mt|Ft|U\.S|N\.A|[A-Z]))[.:]\s+[A-Z]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@",\s+(?:an?|the)\s+|\s+\(|,\s+(?:having|with|whose|located|organi[sz]ed|incorporated)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Description();

    [GeneratedRegex(@"^(?:the|and)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
