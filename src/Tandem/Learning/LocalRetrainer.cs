using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Tandem.Analysis;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// The learning loop for the local analyst. A fixed fifth of the contracts (by a hash of their
/// names) is the held-out gate set: never trained on, and the set every candidate and champion
/// is scored on. Retraining fits a new analyst on the other contracts (curated labels plus
/// whatever corrections have been folded into them), scores it on the gate set, and registers it
/// as a candidate whose parent is the current champion. Promotion goes through the
/// <see cref="PromotionGate"/>.
/// </summary>
public sealed class LocalRetrainer(CuadTrainingSet trainingSet, IModelRegistry registry, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Keyed-review clauses (<see cref="ReviewKeyTrainingSet"/>) every candidate also trains on; with
    /// any, the candidate also gets review weights (<see cref="LocalAnalystTrainer.WithReviewWeights"/>);
    /// its own weights, which the gate scores, are trained as without them.
    /// </summary>
    public ReviewKeyLabelling Reviewed { get; init; } = ReviewKeyLabelling.None;

    /// <summary>Whether a contract belongs to the held-out gate set.</summary>
    public static bool IsGateContract(string contract) => CuadEvaluator.FoldOf(contract, 5) == 0;

    /// <summary>Scores a model on the gate set.</summary>
    public async Task<GateScores> ScoreAsync(CuadDataset data, string modelPath, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var gate = data.Where(c => IsGateContract(c.Name));
        if (gate.Contracts.Count == 0)
        {
            throw new TandemException("the data has no held-out gate contracts", "use a CUAD folder with at least five contracts");
        }

        progress?.Report(new WorkProgress($"scoring on the gate set ({gate.Contracts.Count} held-out contracts)"));
        var evaluation = (await new CuadEvaluator(trainingSet).EvaluateAsync(gate, ["local:" + modelPath], 0, modelPath, new LocalAnalystTrainingOptions(), progress, cancellationToken))[0];
        return Scores(gate.Contracts.Select(c => c.Name), evaluation.Overall.Aupr, evaluation.Categories);
    }

    /// <summary>
    /// Gate scores from an evaluation of <paramref name="contracts"/>: the set's hash, pooled AUPR,
    /// and per category with gold spans (the others have no AUPR to compare).
    /// </summary>
    public static GateScores Scores(IEnumerable<string> contracts, double aupr, IEnumerable<CuadScore> categories)
    {
        var gateSet = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", contracts))))[..12];
        return new GateScores(gateSet, Finite(aupr), categories.Where(c => c.GoldSpans > 0)
            .ToDictionary(c => c.Name, c => new CategoryScore(Finite(c.Aupr), c.GoldSpans), StringComparer.Ordinal));
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;


    /// <summary>
    /// Trains a candidate on the curated non-gate contracts (at most
    /// <paramref name="maxContracts"/>, in name order) plus the corrected reports (a corrected
    /// document replaces a curated contract of the same name), saves it in
    /// <paramref name="modelFolder"/> (readable by its owner only), scores and registers it for
    /// <paramref name="audience"/> (null: admins only). Given <paramref name="requestedAt"/> (a
    /// background job's request time, kept with the job), the candidate is created at that time,
    /// and a retry of the same request after a node died returns the candidate an earlier run
    /// registered instead of training a second one.
    /// </summary>
    public async Task<RegisteredModel> RetrainAsync(CuadDataset data, string modelFolder, int? maxContracts = null, CorrectionLabelling? corrections = null,
        IProgress<WorkProgress>? progress = null, IReadOnlyList<string>? audience = null, DateTimeOffset? requestedAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Whole seconds: the time is part of the id, and every store keeps it exactly.
        var at = requestedAt is { } asked ? new DateTimeOffset(asked.UtcTicks - asked.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : _time.GetUtcNow();
        if (requestedAt is not null
            && (await registry.ListAsync(cancellationToken)).FirstOrDefault(m => m.Backend == LocalFineTuneBackend.BackendName && m.CreatedAt == at) is { } registered)
        {
            return registered;
        }

        corrections ??= CorrectionLabelling.None;
        var training = data.Where(c => !IsGateContract(c.Name));
        if (maxContracts is { } max)
        {
            var kept = training.Contracts.Take(max).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            training = training.Where(c => kept.Contains(c.Name));
        }

        training = training.Where(c => !corrections.Contracts.Contains(c.Name));
        progress?.Report(new WorkProgress($"{training.Contracts.Count} curated training contracts (the {data.Contracts.Count - data.Where(c => !IsGateContract(c.Name)).Contracts.Count} gate contracts are held out)"));
        var labelling = await trainingSet.BuildAsync(training, progress, cancellationToken);
        var rows = labelling.Clauses.Concat(corrections.Clauses.Where(c => !IsGateContract(c.Contract))).ToList();
        var model = new LocalAnalystTrainer().TrainSinglePass(rows, new LocalAnalystTrainingOptions(), progress,
            $"training on {rows.Count} clauses, {corrections.Clauses.Count} from {corrections.Reports} corrected reports (categories)");
        model = new LocalAnalystTrainer().WithReviewWeights(model, rows, Reviewed, new LocalAnalystTrainingOptions(), progress: progress);
        var datasetHash = LocalAnalystTrainer.DataHash([.. rows, .. Reviewed.Clauses]);
        var id = $"local-{at:yyyyMMddHHmmss}-{datasetHash[..6]}";
        ModelFiles.CreateFolder(modelFolder);
        var models = await registry.ListAsync(cancellationToken);
        ModelFiles.SweepCandidates(modelFolder, models.Select(m => Path.GetFullPath(m.Location)).ToHashSet(StringComparer.Ordinal), TimeSpan.FromMinutes(10));
        var path = Path.GetFullPath(Path.Combine(modelFolder, id + ".zip"));
        // Until it is scored and registered, the candidate is a partial file a later run may delete.
        var partial = ModelFiles.PartialFor(modelFolder, id);
        model.Save(new MLContext(seed: 1), partial);
        GateScores scores;
        try
        {
            scores = await ScoreAsync(data, partial, progress, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        var champion = await registry.FindChampionAsync(LocalFineTuneBackend.BackendName, cancellationToken);
        var candidate = new RegisteredModel(id, LocalFineTuneBackend.BackendName, model.Manifest.Kind, path, datasetHash, at, scores, ModelStatus.Candidate, champion?.Id,
            (corrections.Reports == 0
                ? $"{training.Contracts.Count} curated training contracts"
                : $"{training.Contracts.Count} curated training contracts + {corrections.Reports} corrected reports ({corrections.Corrections} corrections)")
            + (Reviewed.Keys == 0 ? string.Empty : " + " + Reviewed.Description))
        {
            Audience = [.. (audience ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
        await registry.RegisterAsync(candidate, cancellationToken);
        return candidate;
    }
}
