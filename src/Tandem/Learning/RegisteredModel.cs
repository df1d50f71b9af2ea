namespace Tandem.Learning;

/// <summary>A model in the registry.</summary>
/// <param name="Id">Registry id, e.g. "local-20261124-3f2a9c".</param>
/// <param name="Backend">How it was trained: local, openai, export ...</param>
/// <param name="BaseModel">What it was trained from (a base model id, or the local analyst's kind).</param>
/// <param name="Location">Where it is served from: a model file, or a provider model id or endpoint.</param>
/// <param name="DatasetHash">Hash of the training data.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Scores">Held-out gate scores, if scored.</param>
/// <param name="Status">Candidate, champion or retired.</param>
/// <param name="Parent">The champion it was trained to replace (lineage), if any.</param>
/// <param name="Note">The last status change's reason (e.g. a forced promotion's).</param>
public sealed record RegisteredModel(string Id, string Backend, string BaseModel, string Location, string DatasetHash, DateTimeOffset CreatedAt,
    GateScores? Scores, ModelStatus Status, string? Parent, string? Note)
{
    /// <summary>
    /// Who the model was trained for, as access tokens (the retraining or dataset audience; the
    /// shipped model and admin-registered endpoints: public). The registry shows a model, with its
    /// note, data hash and location, only to those who hold one of these tokens, and to admins.
    /// Empty (models registered before audiences were recorded): admins only.
    /// </summary>
    public IReadOnlyList<string> Audience { get; init; } = [];

    /// <summary>Where a self-hosted model is served, kept as a value so nothing parses <see cref="Location"/> back; null for other backends.</summary>
    public ServedEndpoint? Endpoint { get; init; }
}
