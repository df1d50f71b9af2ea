using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary><c>tandem eval review</c> end to end on one sample contract and its key.</summary>
public sealed class ReviewEvalCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ReviewEvalCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EvalReview_OneKeyedContract_PrintsEachRiskAndTotalsWritesJsonAndStoresNothing()
    {
        var key = _dir.Write("key.json", """
            {"contracts": [{"file": "saas-subscription-agreement.md", "side": "customer", "type": "saas",
              "risks": [
                {"id": "derived-works", "clauses": ["7.3"], "categories": ["IP Ownership Assignment"], "minSeverity": "high"},
                {"id": "typo-free-price", "clauses": ["6.4"], "categories": ["Price Restrictions"], "minSeverity": "critical"}],
              "missing": ["Audit Rights"]}]}
            """);
        var json = _dir.File("review.json");

        var (exit, output, error) = await _cli.RunAsync("eval", "review", "--key", key, "--contracts", RepositoryPaths.Samples, "--out", json);
        var documents = await _cli.RunAsync("documents");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("error", error, StringComparison.Ordinal);
        Assert.Contains("Review evaluation: 1 contracts, 2 deliberate risks, 1 missing protections", output, StringComparison.Ordinal);
        Assert.Contains("saas-subscription-agreement.md (saas), reviewed for Carrow & Beck Outfitters, LLC (Customer)", output, StringComparison.Ordinal);
        Assert.Matches(@"\n  (found  |too low|missed )  derived-works: ", output);
        Assert.Matches(@"\n  missing protection Audit Rights: (reported|not reported( \(.*\))?)\n", output);
        Assert.Contains("Issue 12 bar (>= 90% at severity, every missing protection, <= 1 unexpected per contract): ", output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(File.ReadAllText(json));
        var contract = result.RootElement.GetProperty("contracts")[0];
        Assert.Equal(["derived-works", "typo-free-price"], contract.GetProperty("risks").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(2, result.RootElement.GetProperty("risks").GetInt32());
        Assert.Contains("0 documents", documents.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalReview_SideNotAParty_OneErrorLineNamingTheEntry()
    {
        var key = _dir.Write("key.json", """{"contracts": [{"file": "mutual-nda.txt", "side": "licensee", "type": "nda", "missing": ["Cap on Liability"]}]}""");

        var (exit, output, error) = await _cli.RunAsync("eval", "review", "--key", key, "--contracts", RepositoryPaths.Samples, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: answer key entry mutual-nda.txt: 'licensee' is not one of this contract's parties (Halvorsen Biologics Corp.", error, StringComparison.Ordinal);
        Assert.EndsWith("; set the entry's side to one of those roles or names\n", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }
}
