namespace Tandem.Server.Apis;

/// <summary>
/// How to build a dataset from the reviewed examples; every field is optional, with the CLI's
/// defaults (<c>tandem dataset build</c>).
/// </summary>
/// <param name="Format">openai-chat (default), bedrock or hf-messages.</param>
/// <param name="RetrievalAware">Put each clause among retrieved distractors, so the model learns to find and cite it.</param>
/// <param name="Distractors">Distractor passages per example (default 3).</param>
/// <param name="OracleRatio">Share of retrieval-aware examples whose context holds the relevant clause (default 0.8).</param>
/// <param name="Split">Share of examples for training, the rest validate (default 0.9).</param>
/// <param name="Audience">Who may call a model trained on it, as <c>user:x,group:y</c> tokens you all hold, or <c>public</c> (default: public examples only).</param>
public sealed record DatasetRequest(string? Format = null, bool RetrievalAware = false, int? Distractors = null, double? OracleRatio = null, double? Split = null,
    string? Audience = null);
