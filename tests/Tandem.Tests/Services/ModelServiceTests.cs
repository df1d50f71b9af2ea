using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

public sealed class ModelServiceTests : IAsyncLifetime
{
    private static readonly GateScores Scores = new("gate-1", 0.9, new Dictionary<string, CategoryScore>());

    private readonly ServiceHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task PromoteAsync_NotAnAdmin_RefusedAndNothingChanged()
    {
        var registry = _host.Get<IModelRegistry>();
        await registry.RegisterAsync(Candidate("self-hosted-a"), TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<TandemException>(() =>
            _host.Get<ModelService>().PromoteAsync("self-hosted-a", 0.01, "because", StoreFixture.Alice, TestContext.Current.CancellationToken));

        Assert.StartsWith("only an admin may promote models", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Candidate, (await registry.GetAsync("self-hosted-a", TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task PromoteAsync_AdminWithNoChampion_PromotesThroughTheGate()
    {
        await _host.Get<IModelRegistry>().RegisterAsync(Candidate("self-hosted-a"), TestContext.Current.CancellationToken);
        var admin = new Tandem.Access.Principal("root", ["admin"]);

        var promotion = await _host.Get<ModelService>().PromoteAsync("self-hosted-a", 0.01, null, admin, TestContext.Current.CancellationToken);

        Assert.True(promotion.Promoted);
        Assert.Equal("passed the gate", promotion.Note);
        Assert.Equal(ModelStatus.Champion, (await _host.Get<IModelRegistry>().GetAsync("self-hosted-a", TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task RegisterSelfHostedAsync_Admin_KeepsTheEndpointAsAValue()
    {
        var admin = new Tandem.Access.Principal("root", ["admin"]);
        var served = new ServedEndpoint(new Uri("http://127.0.0.1:8000/v1"), "contracts model v2");

        var model = await _host.Get<ModelService>().RegisterSelfHostedAsync(served, "llama", "unknown", admin, TestContext.Current.CancellationToken);

        var stored = await _host.Get<IModelRegistry>().GetAsync(model.Id, TestContext.Current.CancellationToken);
        Assert.Equal(served, stored?.Endpoint);
        Assert.Equal("http://127.0.0.1:8000/v1 model contracts model v2", stored?.Location);
    }

    private static RegisteredModel Candidate(string id) =>
        new(id, ModelService.SelfHostedBackend, "base", "http://x/v1 model m", "hash", DateTimeOffset.UtcNow, Scores, ModelStatus.Candidate, null, null)
        {
            Audience = [Tandem.Access.AccessList.Public],
        };
}
