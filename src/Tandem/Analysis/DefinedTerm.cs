namespace Tandem.Analysis;

/// <summary>
/// A term the contract defines, where, and what it says: what a finding cites when its judgement rests on the definition
/// ("royalty of 12% of Net Receipts", with "Net Receipts" defined at 1.7 to allow unlimited deductions).
/// </summary>
/// <param name="Term">The defined term, as the contract quotes it ("Net Receipts").</param>
/// <param name="ClausePath">The path of the clause that defines it ("1.7").</param>
/// <param name="Start">Start offset of the definition in the document's normalised text.</param>
/// <param name="End">End offset (exclusive), with the list items under it.</param>
/// <param name="Text">The definition as read into the clauses that use it (at most <see cref="ContractDefinitions.MaxDefinitionLength"/> characters).</param>
public sealed record DefinedTerm(string Term, string ClausePath, int Start, int End, string Text)
{
    /// <summary>A defined term's name as a pattern, singular or plural: "Retailer Allowance" is a use of "Retailer Allowances".</summary>
    public static string NamePattern(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return System.Text.RegularExpressions.Regex.Escape(term.EndsWith('s') ? term[..^1] : term) + "s?";
    }
}
