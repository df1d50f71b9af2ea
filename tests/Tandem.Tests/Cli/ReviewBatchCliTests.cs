using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary><c>tandem review-batch</c> on the embedded store: every contract reviewed in turn, one summary row each, a contract that fails is its own error line.</summary>
public sealed class ReviewBatchCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ReviewBatchCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReviewBatch_FolderWithOneContractForAnotherSide_SummariesAndOneErrorExit1()
    {
        _dir.Write("batch/supply.txt", ContractTexts.Supply);
        _dir.Write("batch/nested/supply-two.txt", ContractTexts.Supply.Replace("New York", "Ohio", StringComparison.Ordinal));
        // Its parties are a lessor and a lessee: a review for the buyer is refused, for this contract only.
        _dir.Write("batch/lease.txt", """
            EQUIPMENT LEASE

            This Lease is made between Quarry Tools Ltd. ("Lessor") and Harbour Works Inc. ("Lessee").

            1. Rent. The Lessee shall pay monthly rent of 4,000 dollars in advance.
            """);
        _dir.Write("batch/README.md", "# not a contract");

        var (exit, output, error) = await _cli.RunAsync("review-batch", _dir.File("batch"), "--for", "buyer");

        Assert.Equal(1, exit);
        Assert.Contains("supply.txt", output, StringComparison.Ordinal);
        Assert.Contains("supply-two.txt", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("rpt_").Length - 1);
        Assert.EndsWith("reviewed 2 of 3 contracts; 1 failed\n", output, StringComparison.Ordinal);
        Assert.Contains("error: lease.txt: 'buyer' is not one of this contract's parties", error, StringComparison.Ordinal);
        Assert.Contains("review-batch: reviewing contracts 3/3 (100%)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("README", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewBatch_Json_OneItemPerContractWithTheStoredReport()
    {
        _dir.Write("batch/supply.txt", ContractTexts.Supply);

        var (exit, output, _) = await _cli.RunAsync("review-batch", _dir.File("batch"), "--for", "supplier", "--format", "json");

        Assert.Equal(0, exit);
        using var items = JsonDocument.Parse(output[..(output.LastIndexOf(']') + 1)]);
        var summary = Assert.Single(items.RootElement.EnumerateArray()).GetProperty("summary");
        var reportId = summary.GetProperty("reportId").GetString()!;
        Assert.Equal(["critical", "high", "medium", "low", "info"], summary.GetProperty("severities").EnumerateObject().Select(p => p.Name).Reverse());
        var report = await _cli.RunAsync("correct", reportId, "--list");
        Assert.Equal(0, report.Exit);
    }

    [Fact]
    public async Task ReviewBatch_EmptyFolder_OneLineExit1()
    {
        Directory.CreateDirectory(_dir.File("empty"));

        var (exit, output, error) = await _cli.RunAsync("review-batch", _dir.File("empty"));

        Assert.Equal((1, ""), (exit, output));
        Assert.Equal($"error: no contracts in {_dir.File("empty")}; put the contracts (.txt .md .html .docx .pdf) in it, or give another folder\n", error);
    }
}
