namespace Tandem.Learning;

/// <summary>The result of validating a dataset file: counts, token statistics and every issue found.</summary>
/// <param name="Format">The format checked against.</param>
/// <param name="Examples">Valid examples.</param>
/// <param name="Issues">Problems, by line.</param>
/// <param name="TotalTokens">Tokens over the valid examples (o200k, chat overhead included).</param>
/// <param name="MaxTokens">The largest example.</param>
/// <param name="MeanTokens">Mean tokens per valid example.</param>
public sealed record DatasetReport(DatasetFormat Format, int Examples, IReadOnlyList<DatasetIssue> Issues, long TotalTokens, int MaxTokens, double MeanTokens)
{
    public bool IsValid => Issues.Count == 0;

    /// <summary>Training cost estimate: tokens × epochs × price per million training tokens.</summary>
    public decimal TrainingCost(int epochs, decimal pricePerMillion) => TotalTokens * epochs * pricePerMillion / 1_000_000m;
}
