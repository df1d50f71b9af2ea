using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

public sealed class EconomicsCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public EconomicsCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    private static string Scenario(string name) => Path.Combine(RepositoryPaths.Root, "samples", "scenarios", name);

    [Fact]
    public async Task Roi_PublishedCase_SnapshotAndChart()
    {
        var chart = _dir.File("roi.png");

        var (exit, output, error) = await _cli.RunAsync("roi", "--scenario", Scenario("legal-contract-review.yaml"), "--chart", chart);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Snapshot.Match("roi-legal-contract-review", output, _dir.Path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(chart)[..4]);
    }

    [Fact]
    public async Task Roi_TwiceTheBasePrice_NeverPaysBack()
    {
        var (exit, output, _) = await _cli.RunAsync("roi", "--scenario", Scenario("legal-contract-review.yaml"), "--ft-price-multiplier", "2");

        Assert.Equal(0, exit);
        Assert.Contains("What-if: ft-price-multiplier = 2", output, StringComparison.Ordinal);
        Assert.Contains("Monthly saving before training:  -$1,150.00", output, StringComparison.Ordinal);
        Assert.Contains("Payback:                         never", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roi_SweepQueries_TableJsonAndChart()
    {
        var chart = _dir.File("sweep.png");

        var text = await _cli.RunAsync("roi", "--scenario", Scenario("legal-contract-review.yaml"), "--sweep", "queries", "--from", "0", "--to", "100000", "--steps", "5", "--chart", chart);
        var json = await _cli.RunAsync("roi", "--scenario", Scenario("legal-contract-review.yaml"), "--sweep", "queries", "--from", "0", "--to", "100000", "--steps", "5", "--format", "json");

        Assert.Equal(0, text.Exit);
        Assert.Contains("50,000", text.Output, StringComparison.Ordinal);
        Assert.Contains("$1,100.00", text.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(chart).Length > 1000);
        Assert.Equal(5, System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData("--scenario", "/nonexistent.yaml", "scenario not found")]
    [InlineData("--scenario", "BAD", "is not valid YAML")]
    [InlineData("--scenario", "PUBLISHED", "--sweep", "cheese", "--from", "1", "--to", "2", "unknown variable 'cheese'")]
    [InlineData("--scenario", "PUBLISHED", "--sweep", "queries", "needs --from and --to")]
    [InlineData("--scenario", "PUBLISHED", "--price-book", "/nonexistent.yaml", "price book not found")]
    public async Task Roi_BadInput_OneLineError(params string[] argsAndExpected)
    {
        var bad = _dir.Write("bad.yaml", "name: [unclosed");
        var args = argsAndExpected[..^1].Select(a => a switch
        {
            "BAD" => bad,
            "PUBLISHED" => Scenario("legal-contract-review.yaml"),
            _ => a,
        }).ToArray();

        var (exit, _, error) = await _cli.RunAsync(["roi", .. args]);

        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(argsAndExpected[^1], error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advise_Flags_RecommendFineTuningAndCreateNoStore()
    {
        var (exit, output, _) = await _cli.RunAsync("advise", "--changes", "rarely", "--output-format", "true", "--domain-reasoning", "true");

        Assert.Equal(0, exit);
        Assert.StartsWith("Recommendation: FINE-TUNING", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task Advise_AnswersFileJson_ListsEveryCriterion()
    {
        var (exit, output, _) = await _cli.RunAsync("advise", "--answers", Path.Combine(RepositoryPaths.Root, "samples", "advisor", "contract-review.yaml"), "--format", "json");

        Assert.Equal(0, exit);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal("both", json.GetProperty("recommendation").GetString());
        Assert.Equal(8, json.GetProperty("criteria").GetArrayLength());
    }

    [Theory]
    [InlineData("no answers given")]
    [InlineData("unknown knowledge change frequency 'hourly'", "--changes", "hourly")]
    public async Task Advise_BadInput_OneLineError(string expected, params string[] args)
    {
        var (exit, _, error) = await _cli.RunAsync(["advise", .. args]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
