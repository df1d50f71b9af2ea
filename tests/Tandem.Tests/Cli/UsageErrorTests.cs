using System.Text;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// What a new user sees after a mistyped command line: one line on stderr saying what is wrong
/// and what to do, exit 1, no .NET type names and no help dump; the help names the program
/// <c>tandem</c>. The lines are kept as a snapshot, so any change to them is reviewed.
/// </summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public UsageErrorTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_BadCommandLines_OneErrorLineEachSnapshot()
    {
        var sample = RepositoryPaths.Sample("mutual-nda.txt");
        var scenario = Path.Combine(RepositoryPaths.Root, "samples", "scenarios", "legal-contract-review.yaml");
        var acord = _dir.Path + "/acord";
        _dir.Write("acord/corpus.jsonl", "{\"_id\": \"c1\", \"text\": \"The laws of Delaware govern.\"}\n");
        _dir.Write("acord/queries.jsonl", "{\"_id\": \"q1\", \"text\": \"governing law\"}\n");
        _dir.Write("acord/qrels/valid.tsv", "query-id\tcorpus-id\tscore\nq1\tc1\t4\n");
        _dir.Write("acord/qrels/train.tsv", "query-id\tcorpus-id\tscore\nq1\tc1\t4\n");
        var unknownKey = _dir.Write("unknown-key.yaml", "name: p\nrules:\n  - category: Cap on Liability\n    colour: red\n");
        var notAList = _dir.Write("not-a-list.yaml", "name: p\nrules:\n  - category: Cap on Liability\n    deviations: hello\n");
        var notABool = _dir.Write("not-a-bool.yaml", "name: p\nrules:\n  - category: Cap on Liability\n    expected: maybe\n");
        var notANumber = _dir.Write("not-a-number.yaml", "name: s\nqueries_per_month: lots\n");
        string[][] lines =
        [
            ["analyze", sample, "--min-confidence", "abc"],
            ["analyze", sample, "--format", "xml"],
            ["analyze", sample, "extra.txt"],
            ["analyze", sample, "--playbook", unknownKey],
            ["analyze", sample, "--playbook", notAList],
            ["analyze", sample, "--playbook", notABool],
            ["roi", "--scenario", notANumber],
            ["roi", "--scenario", scenario, "--chart", _dir.Path],
            ["search", "liability", "--mode", "foo"],
            ["search", "liability", "--limt", "3"],
            ["search", "liability", "--limit", "1", "--limit", "2"],
            ["search", "liability", "--limit", "many"],
            ["finetune", "status"],
            ["ask"],
            ["train"],
            ["train", "cloud"],
            ["models", "promote"],
            ["eval", "acord", "--data", acord, "--split", "test"],
            ["eval", "acord", "--data", acord, "--split", "dev"],
        ];

        var transcript = new StringBuilder();
        foreach (var args in lines)
        {
            var (exit, output, error) = await _cli.RunAsync(args);

            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, output);
            var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("error: ", line, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"System\.|Tandem\.|`1|Usage:", line);
            transcript.Append("$ tandem ").AppendJoin(' ', args).Append('\n').Append(line).Append('\n');
        }

        Snapshot.Match("usage-errors", transcript.ToString().Replace(RepositoryPaths.Root, "<repo>", StringComparison.Ordinal), _dir.Path);
    }

    [Fact]
    public async Task Correct_NoAction_NamesTheRealOptions()
    {
        var analyzed = await _cli.RunAsync("analyze", RepositoryPaths.Sample("mutual-nda.txt"), "--format", "json");
        var reportId = System.Text.Json.JsonDocument.Parse(analyzed.Output).RootElement.GetProperty("reportId").GetString()!;

        var (exit, _, error) = await _cli.RunAsync("correct", reportId);

        Assert.Equal(1, exit);
        Assert.Contains("--missed <clause path> --category <name>", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--clause <", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Usage:\n  tandem [command] [options]", "--help")]
    [InlineData("Usage:\n  tandem analyze <file> [options]", "analyze", "--help")]
    [InlineData("-f, --format <text|json|md|html>", "analyze", "--help")]
    public async Task Help_NamesTheProgramTandem(string expected, params string[] args)
    {
        var (exit, output, _) = await _cli.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains(expected, output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Tandem.Cli", output, StringComparison.Ordinal);
    }
}
