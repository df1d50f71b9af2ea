using System.Text.Json;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>Probes of who a path's document belongs to: storing a path first must capture nothing of anyone's later writes.</summary>
public sealed partial class AccessProbeTests
{
    private const string AliceRationale = "Alice secret rationale: our walk-away position is 2x fees";

    [Theory]
    [InlineData("user:alice", "")]
    [InlineData("group:legal", "legal")]
    public async Task Outsider_StoringAlicesPathFirstWithHerOnTheList_CapturesNothingOfHersAndSheKeepsVersioningIt(string acl, string aliceGroups)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Sample("saas-subscription-agreement.md"), TestContext.Current.CancellationToken);
        var path = _dir.Write("squat/acme-msa.md", text);
        string[] AsAlice(params string[] args) => aliceGroups.Length == 0 ? args : [.. args, "--groups", aliceGroups];
        var squat = await _carol.RunAsync("ingest", path, "--acl", acl);
        Assert.True(squat.Exit == 0, squat.Error);
        var carols = SqliteDocumentStore.DocumentIdFor(path, "carol");

        var analyze = await _alice.RunAsync(AsAlice("analyze", path, "--format", "json"));
        Assert.True(analyze.Exit == 0, analyze.Error);
        var report = JsonDocument.Parse(analyze.Output).RootElement;
        var reportId = report.GetProperty("reportId").GetString()!;
        var corrected = await _alice.RunAsync(AsAlice("correct", reportId, "--finding", "1", "--rationale", AliceRationale));
        File.AppendAllText(path, "\n\n## 31. Alice\n\nAlice's own new clause on service credits.\n");
        var version = await _alice.RunAsync(AsAlice("ingest", path));

        // Alice's writes land in her own document, as if nobody had stored the path before her.
        Assert.Equal(SqliteDocumentStore.DocumentIdFor(path, "alice"), report.GetProperty("documentId").GetString());
        Assert.True(corrected.Exit == 0, corrected.Error);
        Assert.True(version.Exit == 0, version.Error);
        Assert.StartsWith("new version  " + SqliteDocumentStore.DocumentIdFor(path, "alice") + " v2", version.Output, StringComparison.Ordinal);
        // Carol reads none of it, and her own document is as she left it.
        Assert.DoesNotContain("walk-away", (await _carol.RunAsync("examples", "list", "--format", "json")).Output, StringComparison.Ordinal);
        Assert.Equal(1, (await _carol.RunAsync("correct", reportId, "--list")).Exit);
        var carolsNow = await new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _carol.DatabasePath })
            .GetDocumentAsync(carols, new Tandem.Access.Principal("carol"), TestContext.Current.CancellationToken);
        Assert.Equal((1, "carol"), (carolsNow!.Version, carolsNow.Owner));
        Assert.Contains(carols, (await _alice.RunAsync(AsAlice("documents"))).Output, StringComparison.Ordinal); // shared with her, still readable
    }

    [Fact]
    public async Task Reader_IngestingASharedPath_GetsHisOwnDocument_AndAlicesStaysHers()
    {
        var scenario = await AlicesPrivateContractAsync();
        async Task<string> AlicesViewAsync() => (await _alice.RunAsync("documents", "--history", scenario.DocumentId)).Output + (await _alice.RunAsync("correct", scenario.ReportId, "--list")).Output;
        var alices = await AlicesViewAsync();

        var own = await _bob.RunAsync("ingest", scenario.Path, "--acl", "user:bob", "--groups", "legal");

        Assert.True(own.Exit == 0, own.Error);
        Assert.StartsWith("created      " + SqliteDocumentStore.DocumentIdFor(scenario.Path, "bob") + " v1", own.Output, StringComparison.Ordinal);
        Assert.Equal(alices, await AlicesViewAsync());
        Assert.Contains("readable now by group:legal, user:alice", alices, StringComparison.Ordinal);
    }
}
