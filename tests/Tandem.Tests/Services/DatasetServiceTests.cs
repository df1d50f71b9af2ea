using Tandem.Access;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

public sealed class DatasetServiceTests : IAsyncLifetime
{
    private static readonly Principal Alice = StoreFixture.Alice;
    private static readonly Principal Bob = StoreFixture.Bob;
    private static readonly Principal Admin = new("root", ["admin"]);

    private readonly ServiceHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private DatasetService Service => _host.Get<DatasetService>();

    /// <summary>Twelve public examples, one of the legal group's, one not reviewed.</summary>
    private static async Task SeedAsync(IExampleStore store)
    {
        var examples = Enumerable.Range(0, 12).Select(i => Example($"ex_public_{i:00}", $"Clause {i} on governing law with words term{i} and item{i * 3}.", ["public"])).ToList();
        examples.Add(Example("ex_legal", "The legal group's secret pricing clause.", ["group:legal"]));
        examples.Add(Example("ex_pending", "A clause nobody reviewed.", ["public"]) with { Reviewed = false });
        await store.AddAsync(examples, TestContext.Current.CancellationToken);
    }

    private static TrainingExample Example(string id, string input, string[] access) =>
        new(id, "clause-review", input, "Governing Law", "medium", "why", "curated", ["doc"], access, "alice", DateTimeOffset.UnixEpoch, Reviewed: true, NearDuplicateOf: null);

    private static DatasetOptions Options(params string[] audience) => new()
    {
        Format = DatasetFormat.OpenAiChat, Instructions = DatasetService.FineTunedInstructions(), Audience = audience,
    };

    [Fact]
    public void Summarise_ForAStranger_CountsButNamesNothingTheyMayNotRead()
    {
        var excluded = new[]
        {
            new Exclusion("ex_legal", ExclusionCode.AccessGuard, "the audience may not read its sources", ["group:legal"]),
            new Exclusion("ex_pub", ExclusionCode.AccessGuard, "the audience may not read its sources", ["public"]),
            new Exclusion("ex_new", ExclusionCode.NotReviewed, "not reviewed yet", ["group:legal"]),
        };

        var forBob = Service.Summarise(excluded, Bob);
        var forAlice = Service.Summarise(excluded, Alice);

        Assert.Equal([(ExclusionCode.AccessGuard, 2), (ExclusionCode.NotReviewed, 1)], forBob.Select(g => (g.Code, g.Count)));
        Assert.Equal(["ex_pub"], forBob[0].Ids);
        Assert.Empty(forBob[1].Ids);
        Assert.Null(forBob[1].ExampleReason);
        Assert.Equal(["ex_legal", "ex_pub"], forAlice[0].Ids);
        Assert.Equal("not reviewed yet", forAlice[1].ExampleReason);
    }

    [Fact]
    public async Task CreateAsync_PublicAudience_KeepsTheFilesForTheOwnerOnly()
    {
        await SeedAsync(_host.Get<IExampleStore>());

        var dataset = await Service.CreateAsync(Options("public"), Alice, TestContext.Current.CancellationToken);

        Assert.Equal(12, dataset.Train + dataset.Validation);
        Assert.Equal([ExclusionCode.NotReviewed, ExclusionCode.AccessGuard], dataset.Excluded.Select(e => e.Code).Order());
        Assert.NotNull(await Service.GetAsync(dataset.Id, Alice, TestContext.Current.CancellationToken));
        Assert.NotNull(await Service.GetAsync(dataset.Id, Admin, TestContext.Current.CancellationToken));
        Assert.Null(await Service.GetAsync(dataset.Id, Bob, TestContext.Current.CancellationToken));
        Assert.Null(await Service.OpenAsync(dataset.Id, DatasetSplit.Train, Bob, TestContext.Current.CancellationToken));
        await using var train = await Service.OpenAsync(dataset.Id, DatasetSplit.Train, Alice, TestContext.Current.CancellationToken);
        var text = await new StreamReader(train!).ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Equal(dataset.Train, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("secret pricing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_AudienceTheCallerIsNotIn_RefusedBeforeAnythingIsBuilt()
    {
        await SeedAsync(_host.Get<IExampleStore>());

        var refused = await Assert.ThrowsAsync<TandemException>(() => Service.CreateAsync(Options("group:legal"), Bob, TestContext.Current.CancellationToken));

        Assert.StartsWith("you (bob) may only name an audience you belong to: 'group:legal' is not yours", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_host.DatabasePath)!, "datasets")));
    }

    [Fact]
    public async Task CreateAsync_TooFewExamples_RefusedWithTheCountsAndNothingKept()
    {
        await _host.Get<IExampleStore>().AddAsync([Example("ex_only", "A lone clause.", ["group:legal"])], TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<TandemException>(() => Service.CreateAsync(Options("public"), Bob, TestContext.Current.CancellationToken));

        Assert.Equal("the dataset does not pass validation (0 valid examples; at least 10 are required); nothing was kept (left out: 1 (access guard))", refused.Message);
        Assert.DoesNotContain("ex_only", refused.ToUserMessage(), StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetDirectoryName(_host.DatabasePath)!, "datasets");
        Assert.True(!Directory.Exists(folder) || Directory.GetFileSystemEntries(folder).Length == 0);
    }
}
