namespace Tandem.Learning;

/// <summary>
/// A training example: the input a model sees (a clause, for clause review), the output it should
/// give (the category and finding), where it came from, the documents it was taken from and who
/// may read them (datasets check this before any text leaves), its author and time, and whether
/// a reviewer accepted it.
/// </summary>
/// <param name="Id">Content hash of (task, category, input).</param>
/// <param name="Task">The task, e.g. "clause-review".</param>
/// <param name="Input">The text the model sees.</param>
/// <param name="Category">The expected category.</param>
/// <param name="Severity">The expected severity (high, medium, low).</param>
/// <param name="Rationale">The expected rationale.</param>
/// <param name="Provenance">curated, correction, imported or synthetic.</param>
/// <param name="SourceDocuments">Documents the input comes from.</param>
/// <param name="Access">Access tokens of those documents (user:x, group:y), or "public" for public data; checked by <see cref="Access.IAccessPolicy"/>. Never empty in the store (empty would mean nobody but admins).</param>
/// <param name="Author">Who added it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="Reviewed">Whether a reviewer accepted it (only reviewed examples train).</param>
/// <param name="NearDuplicateOf">An existing example it nearly repeats, if any.</param>
public sealed record TrainingExample(string Id, string Task, string Input, string Category, string Severity, string Rationale, string Provenance,
    IReadOnlyList<string> SourceDocuments, IReadOnlyList<string> Access, string Author, DateTimeOffset CreatedAt, bool Reviewed, string? NearDuplicateOf)
{
    /// <summary>The category of an example whose expected output is no finding at all (a corrected false positive).</summary>
    public const string NoFinding = "none";

    /// <summary>The exact text the expected finding quotes, when narrower than the input (a corrected quote); null means the whole input.</summary>
    public string? Quote { get; init; }

    /// <summary>The role of the party the review was for (e.g. "Customer"), when the example comes from a report that had one.</summary>
    public string? Side { get; init; }

    /// <summary>Whom the clause favours from that side ("us", "them", "both", "unclear"), when known.</summary>
    public string? Favours { get; init; }
}
