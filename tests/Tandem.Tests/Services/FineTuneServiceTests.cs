using Tandem.Access;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

/// <summary>Jobs started from kept datasets, against the fake OpenAI files and fine-tuning jobs API.</summary>
public sealed class FineTuneServiceTests : IAsyncLifetime
{
    private static readonly Principal Alice = StoreFixture.Alice;
    private static readonly Principal Bob = StoreFixture.Bob;

    private readonly FakeModelServer _provider = new();
    private readonly string _keyVariable = "TANDEM_TEST_FT_" + Guid.NewGuid().ToString("N");
    private readonly ServiceHost _host;

    public FineTuneServiceTests()
    {
        Environment.SetEnvironmentVariable(_keyVariable, "sk-ft-test");
        _host = new ServiceHost(new Dictionary<string, string?>
        {
            ["Tandem:Models:base:Provider"] = "openai",
            ["Tandem:Models:base:Model"] = "gpt-4.1-mini",
            ["Tandem:Models:base:BaseUrl"] = _provider.BaseUrl.ToString(),
            ["Tandem:Models:base:ApiKeyVariable"] = _keyVariable,
        });
    }

    public async ValueTask InitializeAsync()
    {
        var examples = Enumerable.Range(0, 12).Select(i => new TrainingExample($"ex_{i:00}", "clause-review", $"Clause {i} on governing law, term{i} item{i * 3}.", "Governing Law",
            "medium", "why", "curated", ["doc"], ["group:legal"], "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null)).ToList();
        await _host.Get<IExampleStore>().AddAsync(examples, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
        Environment.SetEnvironmentVariable(_keyVariable, null);
    }

    private Task<StoredDataset> DatasetAsync() => _host.Get<DatasetService>().CreateAsync(new DatasetOptions
    {
        Format = DatasetFormat.OpenAiChat, Instructions = DatasetService.FineTunedInstructions(), Audience = ["group:legal"],
    }, Alice, TestContext.Current.CancellationToken);

    [Fact]
    public async Task StartFromDatasetAsync_RecordsTheJobAndARetrainForTheDatasetsAudience()
    {
        var dataset = await DatasetAsync();

        var tracked = await _host.Get<FineTuneService>().StartFromDatasetAsync(dataset.Id, "base", 2, "contracts", Alice, TestContext.Current.CancellationToken);

        Assert.Equal(("ftjob-1", "openai", "base", dataset.Id, "alice"), (tracked!.Record.JobId, tracked.Record.Backend, tracked.Record.Model, tracked.Record.DatasetId, tracked.Record.Owner));
        var decision = Assert.Single(await _host.Get<IModelRegistry>().ListDecisionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("ftjob-1", "alice", true), (decision.Job, decision.Requester, decision.Due));
        Assert.Equal(["group:legal"], decision.Audience);
        Assert.Single(await _host.Get<FineTuneService>().ListJobsAsync(Alice, TestContext.Current.CancellationToken));
        Assert.Empty(await _host.Get<FineTuneService>().ListJobsAsync(Bob, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartFromDatasetAsync_SomeoneElsesDataset_NullAndNothingSent()
    {
        var dataset = await DatasetAsync();

        var tracked = await _host.Get<FineTuneService>().StartFromDatasetAsync(dataset.Id, "base", 3, null, Bob, TestContext.Current.CancellationToken);

        Assert.Null(tracked);
        Assert.Empty(_provider.Requests);
        Assert.Null(await _host.Get<FineTuneService>().FollowJobAsync("ftjob-1", Bob, TestContext.Current.CancellationToken));
    }
}
