using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;

namespace Tandem.Learning;

/// <summary>
/// The retraining half of the learning loop for every surface: the policy's decision (bound from
/// <c>Tandem:Retrain</c>), and the local analyst's retrain on the curated contracts plus the
/// accepted corrections its audience may read, scored on the held-out gate set and registered.
/// </summary>
public sealed class RetrainService(IModelRegistry registry, ICorrectionStore corrections, IExampleStore examples, IReportStore reports, IAccessPolicy access,
    DocumentReaders readers, ClauseSegmenter segmenter, IOptions<RetrainPolicy> policy, TimeProvider time, ILogger<RetrainService> logger)
{
    /// <summary>
    /// Whether a retrain of <paramref name="backend"/> for <paramref name="audience"/> is due, as
    /// the caller sees the registry, under the configured policy with any override; not recorded.
    /// </summary>
    public Task<RetrainDecision> DecideAsync(string backend, IReadOnlyCollection<string> audience, Principal caller, int? everyDays = null, int? afterCorrections = null,
        CancellationToken cancellationToken = default)
    {
        var configured = policy.Value;
        var effective = new RetrainPolicy { EveryDays = everyDays ?? configured.EveryDays, AfterCorrections = afterCorrections ?? configured.AfterCorrections };
        return registry.DecideAsync(effective, backend, caller, audience, corrections, examples, access, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Keeps a decision, so the next run counts it (a job started is the last retrain).</summary>
    public Task RecordAsync(RetrainDecision decision, CancellationToken cancellationToken = default) => registry.RecordDecisionAsync(decision, cancellationToken);

    /// <summary>
    /// Trains a local candidate on a CUAD-style folder (at most <paramref name="contracts"/> of its
    /// non-held-out contracts) plus, unless <paramref name="useCorrections"/> is false, the accepted
    /// corrections <paramref name="audience"/> may read; scores it on the gate set and registers it.
    /// A background job passes its <paramref name="requestedAt"/>, so that a retry after a node died
    /// registers one candidate, not two.
    /// </summary>
    public async Task<LocalRetrain> RetrainLocalAsync(string dataFolder, string modelsFolder, IReadOnlyList<string> audience, bool useCorrections, int? contracts,
        Principal caller, IProgress<WorkProgress>? progress = null, DateTimeOffset? requestedAt = null, CancellationToken cancellationToken = default,
        IReadOnlyList<string>? reviewKeys = null)
    {
        ArgumentNullException.ThrowIfNull(audience);
        CorrectionLabelling? used = null;
        async Task<CorrectionLabelling> LabelAsync(CancellationToken ct)
        {
            if (!useCorrections)
            {
                return CorrectionLabelling.None;
            }

            used = await CorrectedReports.LabelAsync(corrections, reports, examples, access, audience.ToHashSet(StringComparer.Ordinal), LocalRetrainer.IsGateContract, ct);
            return used;
        }

        // The keys the request names, else the configured ones.
        var keys = reviewKeys is { Count: > 0 } ? reviewKeys : policy.Value.ReviewKeys;
        var reviewed = keys.Count > 0 ? await new ReviewKeyTrainingSet(readers, segmenter).BuildAsync(keys, progress, cancellationToken) : ReviewKeyLabelling.None;
        if (reviewed.Keys > 0)
        {
            progress?.Report(new WorkProgress(reviewed.Description));
        }

        IFineTuneBackend backend = new LocalFineTuneBackend(new LocalRetrainer(new CuadTrainingSet(readers, segmenter), registry) { Reviewed = reviewed },
            registry, modelsFolder, LabelAsync,
            contracts, progress, audience, requestedAt);
        var job = await backend.StartAsync(dataFolder, null, LocalFineTuneBackend.BaseModel, 1, null, cancellationToken);
        var model = await registry.GetAsync(job.FineTunedModel!, cancellationToken)
            ?? throw new InvalidOperationException($"the local retrain registered no model {job.FineTunedModel}");
        logger.LogInformation("{User} retrained the local analyst: candidate {ModelId}", caller.UserId, model.Id);
        return new LocalRetrain(model, used);
    }
}
