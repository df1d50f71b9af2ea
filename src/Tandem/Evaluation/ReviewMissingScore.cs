namespace Tandem.Evaluation;

/// <summary>A protection the key says the contract lacks, and whether the report listed it as missing.</summary>
/// <param name="Category">The protection's category.</param>
/// <param name="Found">True when the report's missing protections include it.</param>
public sealed record ReviewMissingScore(string Category, bool Found)
{
    /// <summary>
    /// When not found: the report's findings of the category, each as "clause (whom it favours)" (one may have shown the
    /// protection as there, or the playbook may not expect it for this kind and side); empty when there are none.
    /// </summary>
    public IReadOnlyList<string> ShownBy { get; init; } = [];
}
