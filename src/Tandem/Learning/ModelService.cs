using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Evaluation;
using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Learning;

/// <summary>
/// The model registry for every surface: list what the caller may see, register a self-hosted
/// model, score a model on the held-out gate set, and promote a candidate through the gate.
/// Registering, scoring and promoting are for admins: the champion reviews everyone's contracts.
/// </summary>
public sealed class ModelService(IModelRegistry registry, IAccessPolicy access, Lazy<ModelCatalog> models, IUsageLedgers ledgers, PriceBook prices,
    DocumentReaders readers, ClauseSegmenter segmenter, TimeProvider time, ILogger<ModelService> logger)
{
    /// <summary>The backend name of models served by the firm's own inference server.</summary>
    public const string SelfHostedBackend = "self-hosted";

    /// <summary>The models whose audience the caller belongs to, newest first (admins: all).</summary>
    public Task<IReadOnlyList<RegisteredModel>> ListAsync(Principal caller, CancellationToken cancellationToken = default) =>
        registry.ListVisibleAsync(caller, access, cancellationToken);

    /// <summary>The retraining decisions the caller asked for, newest first (admins: all).</summary>
    public Task<IReadOnlyList<RetrainDecision>> ListDecisionsAsync(Principal caller, CancellationToken cancellationToken = default) =>
        registry.ListVisibleDecisionsAsync(caller, access, cancellationToken);

    /// <summary>The configured language models (keys are never read, only whether their variables are set).</summary>
    public IReadOnlyList<ModelEndpoint> Configured() => models.Value.Models;

    /// <summary>Sends one short request to a configured model, metered into the caller's ledger, and reports latency, usage and cost.</summary>
    public async Task<ModelCheck> CheckAsync(string name, Principal caller, PriceBook? priceBook = null, CancellationToken cancellationToken = default)
    {
        var endpoint = models.Value.Get(name);
        var book = priceBook ?? prices;
        using var client = ChatClients.Create(endpoint, ledgers.For(caller), book, "models test");
        var started = time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, "You are a connectivity check. Answer with one word."), new ChatMessage(ChatRole.User, "Reply with the word: ready")],
                new ChatOptions { MaxOutputTokens = 16, Temperature = 0 }, cancellationToken);
        }
        catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
        {
            throw described;
        }

        var elapsed = time.GetElapsedTime(started);
        var usage = response.Usage;
        var modelId = response.ModelId ?? endpoint.Model;
        var cost = MeteringChatClient.CostOf(book, modelId, usage?.InputTokenCount ?? 0, usage?.CachedInputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
        return new ModelCheck(endpoint, modelId, elapsed, response.Text.Trim(), usage, cost, book);
    }

    /// <summary>Records a self-hosted fine-tune (e.g. a LoRA adapter served by vLLM) as a public candidate, not scored yet.</summary>
    public async Task<RegisteredModel> RegisterSelfHostedAsync(ServedEndpoint endpoint, string baseModel, string datasetHash, Principal caller,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ModelRegistryAccess.RequireAdmin(access, caller, "register models");
        if (endpoint.BaseUrl.Scheme is not ("http" or "https"))
        {
            throw new TandemException($"the endpoint '{endpoint.BaseUrl}' is not an http(s) URL", "e.g. http://gpu-1:8000/v1");
        }

        var champion = await registry.FindChampionAsync(SelfHostedBackend, cancellationToken);
        var now = time.GetUtcNow();
        var model = new RegisteredModel($"{SelfHostedBackend}-{now:yyyyMMddHHmmss}-{endpoint.Model}", SelfHostedBackend, baseModel, endpoint.Location, datasetHash,
            now, null, ModelStatus.Candidate, champion?.Id, "registered by hand; not scored yet") { Audience = [AccessList.Public], Endpoint = endpoint };
        await registry.RegisterAsync(model, cancellationToken);
        logger.LogInformation("{User} registered self-hosted candidate {ModelId}", caller.UserId, model.Id);
        return model;
    }

    /// <summary>Scores a registered model on the gate contracts of a CUAD-style folder and records the scores, so it can be gated.</summary>
    public async Task<GateScores> EvaluateAsync(string id, ModelEvaluation request, Principal caller, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelRegistryAccess.RequireAdmin(access, caller, "evaluate models");
        var model = await GetAsync(id, cancellationToken);
        if (request.Contracts < 1)
        {
            throw new TandemException("--contracts must be at least 1");
        }

        var via = request.Via is { } name ? models.Value.Get(name) : null;
        return await EvaluateAsync(model, request.DataFolder, via, request.Strategy, request.Contracts, caller, progress, cancellationToken);
    }

    /// <summary>Scores <paramref name="model"/> (already looked up, reached through <paramref name="via"/> when a provider model) and records the scores.</summary>
    private async Task<GateScores> EvaluateAsync(RegisteredModel model, string dataFolder, ModelEndpoint? via, string strategyName, int contracts, Principal caller,
        IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        var dataset = CuadDataset.Load(dataFolder);
        GateScores scores;
        if (model.Backend == LocalFineTuneBackend.BackendName)
        {
            if (LocalAnalystModel.LoadManifest(model.Location).GateScores is not null)
            {
                throw new TandemException($"{model.Id} records its gate scores in its model file: it was trained on the gate contracts too, so scoring it on them would be in-sample",
                    "compare candidates with the recorded scores: tandem models promote <candidate>");
            }

            scores = await new LocalRetrainer(new CuadTrainingSet(readers, segmenter), registry).ScoreAsync(dataset, model.Location, progress, cancellationToken);
        }
        else
        {
            var endpoint = EndpointOf(model, via);
            var gate = dataset.Where(c => LocalRetrainer.IsGateContract(c.Name));
            var promptStrategy = PromptStrategy.Load(strategyName);
            var examples = promptStrategy.ExamplesPerCategory == 0 ? [] : ReviewExamples.Load(ReviewExamples.DefaultPath());
            var evaluator = new CuadCompareEvaluator(readers, segmenter, LocalAnalyst.Load(LocalAnalyst.DefaultPath()), ledgers.For(caller), prices)
            {
                ContractLimit = contracts, Examples = examples,
            };
            CompareRow row;
            try
            {
                row = (await evaluator.EvaluateAsync(gate, [new CompareConfig(model.Id, endpoint, promptStrategy, Retrieval: true)], progress, cancellationToken))[0];
            }
            catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
            {
                throw described;
            }

            scores = LocalRetrainer.Scores(row.ContractNames.Select(n => n + "\n" + promptStrategy.Name), row.Aupr, row.Categories);
        }

        await registry.SetScoresAsync(model.Id, scores, cancellationToken);
        logger.LogInformation("{User} scored {ModelId} on gate set {GateSet}: AUPR {Aupr:0.000}", caller.UserId, model.Id, scores.GateSet, scores.Aupr);
        return scores;
    }

    /// <summary>
    /// Gates a scored candidate against its backend's champion and promotes it when it passes, or
    /// when <paramref name="forceReason"/> is given (recorded). A refusal is returned, not thrown,
    /// with every reason; asking as a non-admin, or for a model that cannot be gated, throws.
    /// </summary>
    /// <param name="id">The candidate's registry id.</param>
    /// <param name="margin">Required pooled AUPR gain over the champion, as a fraction (0.01 = one point).</param>
    /// <param name="forceReason">Why the gate is overridden; null to obey it.</param>
    /// <param name="caller">Who is asking; must be an admin.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<Promotion> PromoteAsync(string id, double margin, string? forceReason, Principal caller, CancellationToken cancellationToken = default)
    {
        ModelRegistryAccess.RequireAdmin(access, caller, "promote models");
        if (forceReason is not null && string.IsNullOrWhiteSpace(forceReason))
        {
            throw new TandemException("--force needs --reason", "say why the gate should be overridden, e.g. --reason 'legal sign-off on the new categories'");
        }

        var candidate = await GetAsync(id, cancellationToken);
        if (candidate.Status == ModelStatus.Champion)
        {
            throw new TandemException($"{candidate.Id} is already the champion");
        }

        if (candidate.Scores is null)
        {
            throw new TandemException($"{candidate.Id} has no held-out scores", "score it first: tandem models evaluate " + candidate.Id + " --data <cuad folder>");
        }

        return await GateAsync(candidate, margin, forceReason, caller, cancellationToken);
    }

    /// <summary>The gate and, when it passes or is forced, the promotion, for a candidate already checked.</summary>
    private async Task<Promotion> GateAsync(RegisteredModel candidate, double margin, string? forceReason, Principal caller, CancellationToken cancellationToken)
    {
        var champion = await registry.FindChampionAsync(candidate.Backend, cancellationToken);
        var decision = new PromotionGate { Margin = margin }.DecideAgainst(candidate.Scores!, champion);
        if (candidate.Backend == LocalFineTuneBackend.BackendName && champion is not null)
        {
            decision = PromotionGate.KeepsReviewWeights(decision, ManifestOf(candidate), ManifestOf(champion));
        }

        if (!decision.Promote && forceReason is null)
        {
            logger.LogInformation("The gate refused {ModelId} for {User}", candidate.Id, caller.UserId);
            return new Promotion(candidate, champion, decision, false, null);
        }

        var note = decision.Promote ? "passed the gate" : "forced past the gate: " + forceReason;
        await registry.PromoteAsync(candidate.Id, note, cancellationToken);
        logger.LogInformation("{User} promoted {ModelId} ({Note})", caller.UserId, candidate.Id, note);
        return new Promotion(candidate, champion, decision, true, note);
    }

    /// <summary>A local model's manifest, or null when its file is not on this machine.</summary>
    private static Analysis.LocalAnalystManifest? ManifestOf(RegisteredModel model) =>
        File.Exists(model.Location) ? Analysis.LocalAnalystModel.LoadManifest(model.Location) : null;

    private async Task<RegisteredModel> GetAsync(string id, CancellationToken cancellationToken) =>
        await registry.GetAsync(id, cancellationToken) ?? throw new TandemException($"no model {id} in the registry", "see 'tandem models registry'");

    /// <summary>How to reach a registered language model: a self-hosted endpoint as recorded, or a provider fine-tune through a configured model's provider and key.</summary>
    private static ModelEndpoint EndpointOf(RegisteredModel model, ModelEndpoint? via)
    {
        if (model.Backend == SelfHostedBackend)
        {
            var served = model.Endpoint
                ?? throw new TandemException($"{model.Id} was registered before endpoints were recorded", "register it again: tandem models register --endpoint <url> --model <id>");
            return new ModelEndpoint(model.Id, "openai-compatible", served.Model, new Uri(served.BaseUrl.ToString().TrimEnd('/') + "/"), via?.ApiKeyVariable);
        }

        return via is null
            ? throw new TandemException($"{model.Id} is a {model.Backend} model: say which configured model reaches its provider", "add --via <name> (see 'tandem models list')")
            : via with { Name = model.Id, Model = model.Location };
    }
}
