using Tandem.Analysis;
using Tandem.Tests.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>'tandem train local --review-key': keyed reviews add review weights; a bad key fails before anything is trained or written.</summary>
public sealed class TrainReviewKeyCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TrainLocal_WithAReviewKey_TheModelCarriesReviewWeights_ABadKeyWritesNothing()
    {
        var cli = new CliRunner(_dir.File("tandem.db"));
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"), 20);
        Directory.CreateDirectory(_dir.File("contracts"));
        File.WriteAllText(_dir.File(Path.Combine("contracts", "supply.txt")), ReviewKeyTrainingSetTests.Contract);
        Directory.CreateDirectory(_dir.File("keys"));
        var key = _dir.Write(Path.Combine("keys", "answers.json"), ReviewKeyTrainingSetTests.Key);
        var badKey = _dir.Write(Path.Combine("keys", "bad.json"), ReviewKeyTrainingSetTests.Key.Replace("supply.txt", "absent.txt", StringComparison.Ordinal));

        var (exit, _, error) = await cli.RunAsync("train", "local", "--data", data, "--out", _dir.File("model.zip"), "--review-key", key, "--review-threshold", "0.75");
        var (badExit, _, badError) = await cli.RunAsync("train", "local", "--data", data, "--out", _dir.File("bad.zip"), "--review-key", badKey);

        Assert.True(exit == 0, error);
        var model = LocalAnalyst.Load(_dir.File("model.zip")).Model;
        Assert.NotNull(model.ReviewCategories);
        Assert.Equal(0.75f, model.Manifest.ReviewThreshold);
        Assert.Contains("review weights also trained on 1 keyed clauses (x2) from 1 one-clause risks in 1 contracts of 1 answer keys", model.Manifest.Trainer, StringComparison.Ordinal);
        Assert.NotNull(model.SideCategories);

        var (sideExit, sideOutput, sideError) = await cli.RunAsync("train", "side", "--model", _dir.File("model.zip"), "--out", _dir.File("side.zip"), "--review-key", key, "--side-threshold", "0.7");
        var (wrongExit, _, wrongError) = await cli.RunAsync("train", "side", "--model", _dir.File("model.zip"), "--out", _dir.File("wrong.zip"), "--review-key", key, "--side-threshold", "1.5");
        Assert.True(sideExit == 0, sideError);
        Assert.Contains("side weights:", sideOutput, StringComparison.Ordinal);
        var side = LocalAnalyst.Load(_dir.File("side.zip"));
        Assert.Equal(0.7f, side.SideRiskThreshold);
        Assert.Equal(model.Categories.Select(c => c.Values), side.Model.Categories.Select(c => c.Values));
        Assert.Equal(model.ReviewCategories!.Select(c => c.Values), side.Model.ReviewCategories!.Select(c => c.Values));
        Assert.NotEqual(0, wrongExit);
        Assert.Contains("--side-threshold must lie between 0 and 1", wrongError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("wrong.zip")));
        Assert.NotEqual(0, badExit);
        Assert.Contains("absent.txt", badError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badError, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("bad.zip")));
    }
}
