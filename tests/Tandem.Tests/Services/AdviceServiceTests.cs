using Tandem.Access;
using Tandem.Economics;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

/// <summary>Advice through the library service: the answers, weighed with what the caller's store shows.</summary>
public sealed class AdviceServiceTests : IAsyncLifetime
{
    private static readonly Principal Alice = new("alice");
    private readonly ServiceHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task AdviseAsync_MeasureStoreOrNot_EvidenceSaysWhichWasDone()
    {
        var ct = TestContext.Current.CancellationToken;
        await _host.Get<Tandem.Store.DocumentIngestor>().IngestFileAsync(_host.Dir.Write("supply.txt", ContractTexts.Supply), Alice, null, ct);
        var answers = new AdvisorAnswers { CitationsRequired = true, PerUserAccess = true };

        var measured = await _host.Get<AdviceService>().AdviseAsync(answers, Alice, measureStore: true, ct);
        var unmeasured = await _host.Get<AdviceService>().AdviseAsync(answers, Alice, measureStore: false, ct);

        Assert.Equal(Approach.Retrieval, measured.Recommendation);
        Assert.Contains("knowledge-base change rate: under two weeks of sync history, too little to measure", measured.Evidence);
        Assert.Contains("knowledge-base change rate: no knowledge base to measure", unmeasured.Evidence);
    }

    [Fact]
    public async Task AdviseAsync_NoAnswers_OneLineError()
    {
        var error = await Assert.ThrowsAsync<TandemException>(() => _host.Get<AdviceService>().AdviseAsync(new AdvisorAnswers(), Alice, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("no answers given; answer at least one question", error.ToUserMessage(), StringComparison.Ordinal);
    }
}
