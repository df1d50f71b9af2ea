using Tandem.Learning;

namespace Tandem.Server.Apis;

/// <summary>A built dataset as its owner (or an admin) sees it: counts, tokens, what was left out and where to download it.</summary>
/// <param name="Id">The dataset id.</param>
/// <param name="Owner">Who built it.</param>
/// <param name="Audience">Who may call a model trained on it.</param>
/// <param name="CreatedAt">When it was built.</param>
/// <param name="Format">openai-chat, bedrock or hf-messages.</param>
/// <param name="RetrievalAware">Whether clauses sit among distractors.</param>
/// <param name="Train">Training examples.</param>
/// <param name="Validation">Validation examples.</param>
/// <param name="DatasetHash">Hash of both files, as the registry records it.</param>
/// <param name="TotalTokens">Tokens in the training file (o200k).</param>
/// <param name="MeanTokens">Mean tokens per training example.</param>
/// <param name="MaxTokens">The largest training example.</param>
/// <param name="Exclusions">What was left out, per reason: a count, and the ids the caller may read.</param>
/// <param name="TrainUrl">Where to download train.jsonl.</param>
/// <param name="ValidationUrl">Where to download valid.jsonl.</param>
public sealed record DatasetDetails(string Id, string Owner, IReadOnlyList<string> Audience, DateTimeOffset CreatedAt, DatasetFormat Format, bool RetrievalAware,
    int Train, int Validation, string DatasetHash, long TotalTokens, double MeanTokens, int MaxTokens, IReadOnlyList<ExclusionGroup> Exclusions,
    string TrainUrl, string ValidationUrl);
