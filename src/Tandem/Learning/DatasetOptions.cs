namespace Tandem.Learning;

/// <summary>How <see cref="DatasetBuilder"/> builds a fine-tuning dataset.</summary>
public sealed record DatasetOptions
{
    public required DatasetFormat Format { get; init; }

    /// <summary>Train on retrieved context: the relevant clause among distractors, so the model learns to find and cite it.</summary>
    public bool RetrievalAware { get; init; }

    /// <summary>Distractor passages per example (retrieval-aware only).</summary>
    public int Distractors { get; init; } = 3;

    /// <summary>Share of retrieval-aware examples whose context includes the relevant clause; the rest teach answering "nothing found".</summary>
    public double OracleRatio { get; init; } = 0.8;

    /// <summary>Share of examples in the training file; the rest go to the validation file.</summary>
    public double Split { get; init; } = 0.9;

    /// <summary>
    /// Who will be able to call the fine-tuned model, as access tokens (user:x, group:y, public).
    /// Only examples every one of them may read go in (<see cref="Access.IAccessPolicy.AudienceCanRead"/>).
    /// Default: public examples only.
    /// </summary>
    public IReadOnlyList<string> Audience { get; init; } = [Access.AccessList.Public];

    /// <summary>Evaluation texts the dataset must not contain (exact or near duplicates are excluded).</summary>
    public IReadOnlyList<string> EvaluationTexts { get; init; } = [];

    /// <summary>The system instructions of each example (the fine-tuned strategy's).</summary>
    public required string Instructions { get; init; }

    /// <summary>
    /// For examples that came from a reviewed document (corrections): the document's other
    /// clauses that do not carry the example's category. Retrieval-aware chats draw their
    /// distractors from these, as retrieval over that contract would, instead of from other
    /// examples.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Neighbours { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int Seed { get; init; } = 7;
}
