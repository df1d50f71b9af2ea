using Tandem.Learning;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IModelRegistry"/>: models, scores, promotion and retraining decisions, on every backend.</summary>
public abstract class ModelRegistryConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Register_ThenGetAndList_NewestFirstWithEveryField()
    {
        var older = Model("local-1", Clock.Now, ModelStatus.Candidate) with { Endpoint = new ServedEndpoint(new Uri("http://gpu-1:8000/v1"), "contracts-lora") };
        var newer = Model("local-2", Clock.Now.AddHours(1), ModelStatus.Candidate) with { Parent = "local-1", Scores = Scores(0.61) };

        await Store.Registry.RegisterAsync(older);
        await Store.Registry.RegisterAsync(newer);

        Assert.Equal(["local-2", "local-1"], (await Store.Registry.ListAsync()).Select(m => m.Id));
        var read = await Store.Registry.GetAsync("local-2");
        Assert.Equal(newer with { CreatedAt = read!.CreatedAt, Scores = read.Scores, Audience = read.Audience }, read);
        Assert.Equal(0.61, read.Scores!.Aupr);
        Assert.Equal(new CategoryScore(0.5, 12), read.Scores.Categories["Governing Law"]);
        Assert.Equal(["group:legal"], read.Audience);
        Assert.Equal("contracts-lora", (await Store.Registry.GetAsync("local-1"))!.Endpoint!.Model);
        Assert.Null(await Store.Registry.GetAsync("local-9"));
    }

    [Fact]
    public async Task Register_SameIdTwice_OneLineError()
    {
        await Store.Registry.RegisterAsync(Model("local-1", Clock.Now, ModelStatus.Candidate));

        var error = await Assert.ThrowsAsync<TandemException>(() => Store.Registry.RegisterAsync(Model("local-1", Clock.Now, ModelStatus.Candidate)));

        Assert.Contains("already registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetScoresAndPromote_KnownAndUnknownModels_ScoredAndOneChampionPerBackend()
    {
        await Store.Registry.RegisterAsync(Model("local-1", Clock.Now, ModelStatus.Candidate));
        await Store.Registry.RegisterAsync(Model("local-2", Clock.Now.AddMinutes(1), ModelStatus.Candidate));
        await Store.Registry.RegisterAsync(Model("openai-1", Clock.Now, ModelStatus.Candidate) with { Backend = "openai" });

        await Store.Registry.SetScoresAsync("local-2", Scores(0.7));
        await Assert.ThrowsAsync<TandemException>(() => Store.Registry.SetScoresAsync("local-9", Scores(0.7)));
        await Store.Registry.PromoteAsync("local-1", "first");
        await Store.Registry.PromoteAsync("openai-1", "provider");
        await Store.Registry.PromoteAsync("local-2", "beat it");

        var models = (await Store.Registry.ListAsync()).ToDictionary(m => m.Id);
        Assert.Equal((ModelStatus.Retired, "replaced by local-2"), (models["local-1"].Status, models["local-1"].Note));
        Assert.Equal((ModelStatus.Champion, "beat it"), (models["local-2"].Status, models["local-2"].Note));
        Assert.Equal(ModelStatus.Champion, models["openai-1"].Status);
        Assert.Equal(0.7, models["local-2"].Scores!.Aupr);
    }

    [Fact]
    public async Task RecordDecision_Several_ListedNewestFirstWithRequesterAndAudience()
    {
        await Store.Registry.RecordDecisionAsync(new RetrainDecision(Clock.Now, "local", false, "not due"));
        await Store.Registry.RecordDecisionAsync(new RetrainDecision(Clock.Now.AddDays(1), "openai", true, "due") { Job = "ftjob-1", Requester = "alice", Audience = ["group:legal"] });

        var decisions = await Store.Registry.ListDecisionsAsync();

        Assert.Equal(["openai", "local"], decisions.Select(d => d.Backend));
        Assert.Equal(("ftjob-1", "alice", true, "due"), (decisions[0].Job, decisions[0].Requester, decisions[0].Due, decisions[0].Reason));
        Assert.Equal(["group:legal"], decisions[0].Audience);
        Assert.Empty(decisions[1].Audience);
        Assert.Null(decisions[1].Requester);
    }

    private static RegisteredModel Model(string id, DateTimeOffset at, ModelStatus status) =>
        new(id, "local", "fasttree", "/models/" + id + ".zip", "data-1", at, null, status, null, "trained") { Audience = ["group:legal"] };

    private static GateScores Scores(double aupr) => new("gate-1", aupr, new Dictionary<string, CategoryScore> { ["Governing Law"] = new(0.5, 12) });
}
