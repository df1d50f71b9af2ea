namespace Tandem.Learning;

/// <summary>The model registry: versions, lineage, scores and status.</summary>
public interface IModelRegistry
{
    Task RegisterAsync(RegisteredModel model, CancellationToken cancellationToken = default);

    Task<RegisteredModel?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Records a model's held-out gate scores (e.g. a provider fine-tune scored after its job succeeded).</summary>
    Task SetScoresAsync(string id, GateScores scores, CancellationToken cancellationToken = default);

    /// <summary>All models, newest first.</summary>
    Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="id"/> the champion of its backend and retires the previous one, in one transaction.</summary>
    Task PromoteAsync(string id, string note, CancellationToken cancellationToken = default);

    /// <summary>Keeps a retraining decision.</summary>
    Task RecordDecisionAsync(RetrainDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Retraining decisions, newest first.</summary>
    Task<IReadOnlyList<RetrainDecision>> ListDecisionsAsync(CancellationToken cancellationToken = default);
}
