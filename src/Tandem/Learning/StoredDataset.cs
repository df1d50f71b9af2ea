namespace Tandem.Learning;

/// <summary>A dataset built and kept for its owner: how it was built, what went in, what was left out and why.</summary>
/// <param name="Id">The dataset's id ("ds_" and 16 hex digits).</param>
/// <param name="Owner">Who built it; it is theirs (and admins').</param>
/// <param name="Audience">Who may call a model trained on it; only examples all of them may read went in.</param>
/// <param name="CreatedAt">When it was built.</param>
/// <param name="Format">The file format.</param>
/// <param name="RetrievalAware">Whether each clause sits among retrieved distractors.</param>
/// <param name="Train">Examples in the training file.</param>
/// <param name="Validation">Examples in the validation file.</param>
/// <param name="DatasetHash">Hash of both files' contents, for the registry.</param>
/// <param name="TotalTokens">Tokens in the training file (o200k, chat overhead included).</param>
/// <param name="MeanTokens">Mean tokens per training example.</param>
/// <param name="MaxTokens">The largest training example.</param>
/// <param name="Excluded">Every example left out, with its access list, so each reader is shown only what they may read.</param>
public sealed record StoredDataset(string Id, string Owner, IReadOnlyList<string> Audience, DateTimeOffset CreatedAt, DatasetFormat Format, bool RetrievalAware,
    int Train, int Validation, string DatasetHash, long TotalTokens, double MeanTokens, int MaxTokens, IReadOnlyList<Exclusion> Excluded);
