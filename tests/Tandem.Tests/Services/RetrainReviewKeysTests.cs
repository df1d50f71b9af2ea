using Tandem.Access;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Tests.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Services;

/// <summary>Tandem:Retrain:ReviewKeys: every local retrain (the CLI's, a server job's, the schedule's) learns review weights from the configured keys.</summary>
public sealed class RetrainReviewKeysTests
{
    [Fact]
    public async Task RetrainLocal_ConfiguredReviewKeys_TheCandidateCarriesReviewWeights_OwnWeightsAsWithout()
    {
        using var files = new TempDirectory();
        var data = DataFolders.WriteCuadLike(files.File("cuad"), 20);
        Directory.CreateDirectory(files.File("contracts"));
        File.WriteAllText(files.File(Path.Combine("contracts", "supply.txt")), ReviewKeyTrainingSetTests.Contract);
        Directory.CreateDirectory(files.File("keys"));
        var key = files.Write(Path.Combine("keys", "answers.json"), ReviewKeyTrainingSetTests.Key);
        await using var configured = new ServiceHost(new Dictionary<string, string?> { ["Tandem:Retrain:ReviewKeys:0"] = key });
        await using var plain = new ServiceHost();
        var alice = new Principal("alice", ["admin"]);
        var ct = TestContext.Current.CancellationToken;

        var with = await configured.Get<RetrainService>().RetrainLocalAsync(data, configured.Dir.File("models"), ["user:alice"], false, 10, alice, cancellationToken: ct);
        var without = await plain.Get<RetrainService>().RetrainLocalAsync(data, plain.Dir.File("models"), ["user:alice"], false, 10, alice, cancellationToken: ct);

        var reviewed = LocalAnalyst.Load(with.Model.Location).Model;
        var own = LocalAnalyst.Load(without.Model.Location).Model;
        Assert.NotNull(reviewed.ReviewCategories);
        Assert.Null(own.ReviewCategories);
        Assert.Equal(own.Categories.Select(c => c.Values), reviewed.Categories.Select(c => c.Values));
        Assert.Equal(own.Categories.Select(c => c.Indices), reviewed.Categories.Select(c => c.Indices));
        Assert.Contains("1 keyed clauses (x2) from 1 one-clause risks", with.Model.Note, StringComparison.Ordinal);
        Assert.Equal(with.Model.Scores!.Aupr, without.Model.Scores!.Aupr, 6);
    }
}
