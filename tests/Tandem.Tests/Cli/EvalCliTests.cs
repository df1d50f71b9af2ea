using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>The evaluation commands end to end on a small CUAD-like folder written here.</summary>
public sealed class EvalCliTests : IDisposable
{
    private static readonly string[] Cities = ["New York", "Delaware", "California", "Texas"];

    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;
    private readonly string _data;

    public EvalCliTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        var rows = new List<string> { "Filename,Governing Law,Governing Law-Answer,Cap on Liability,Cap on Liability-Answer" };
        for (var i = 0; i < Cities.Length; i++)
        {
            var law = $"This Agreement shall be governed by the laws of the State of {Cities[i]}.";
            var cap = $"In no event shall the aggregate liability of either party exceed {i + 1} times the fees paid.";
            _dir.Write($"cuad/contracts/Contract {i}.txt", $"""
                SERVICES AGREEMENT

                1. Services. The Provider shall perform the services described in each statement of work.

                2. Fees. The Customer shall pay the fees within thirty days of each invoice.

                3. Liability. {cap}

                4. Law. {law}

                5. Notices. Notices shall be delivered in writing to the addresses above.
                """);
            rows.Add($"Contract {i}.pdf,\"['{law}']\",{Cities[i]},\"['{cap}']\",Yes");
        }

        _dir.Write("cuad/master_clauses.csv", string.Join("\n", rows) + "\n");
        _dir.Write("cuad/category_descriptions.csv",
            "Category,Description,Answer Format,Group\n" +
            "Category: Governing Law,Description: Which state/country's law governs the interpretation of the contract?,Answer,1\n" +
            "Category: Cap on Liability,Description: Does the contract include a cap on liability upon the breach of a party's obligation?,Yes/No,2\n");
        _data = _dir.File("cuad");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EvalCuadRetrieval_Compare_WritesTableJsonAndReport()
    {
        var json = _dir.File("retrieval.json");
        var report = _dir.File("report");

        var (exit, output, error) = await _cli.RunAsync("eval", "cuad", "--data", _data, "--retrieval", "--compare", "bm25,hybrid", "--out", json, "--report", report);

        Assert.Equal(0, exit);
        Assert.Contains("8 contract-category queries", output, StringComparison.Ordinal);
        Assert.Contains("cuad-retrieval-report.md", error, StringComparison.Ordinal);
        using var scores = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(12, scores.RootElement.GetProperty("scores").GetArrayLength());
        var markdown = File.ReadAllText(Path.Combine(report, "cuad-retrieval-report.md"));
        Assert.Contains("| hybrid | recall |", markdown, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(report, "cuad-retrieval-recall.png")).Length > 1000);

        // The query "Governing Law. Which state/country's law governs ..." finds clause 4 first, a whole gold span.
        var top = scores.RootElement.GetProperty("scores").EnumerateArray().First(s => s.GetProperty("config").GetString() == "bm25" && s.GetProperty("k").GetInt32() == 32);
        Assert.Equal(1.0, top.GetProperty("recall").GetDouble(), 6);
    }

    [Fact]
    public async Task EvalCuadExtraction_CompareKeywordAndLocal_SideBySide()
    {
        var report = _dir.File("extraction");

        var (exit, output, _) = await _cli.RunAsync("eval", "cuad", "--data", _data, "--compare", "keyword,local", "--report", report, "--format", "json");

        Assert.Equal(0, exit);
        using var results = JsonDocument.Parse(output);
        Assert.Equal(["keyword", "local"], results.RootElement.EnumerateArray().Select(r => r.GetProperty("config").GetString()));
        var keywordLaw = results.RootElement[0].GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Governing Law");
        Assert.Equal(4, keywordLaw.GetProperty("goldSpans").GetInt32());
        Assert.True(keywordLaw.GetProperty("aupr").GetDouble() > 0.5);
        var markdown = File.ReadAllText(Path.Combine(report, "cuad-report.md"));
        Assert.Contains("| keyword | no model", markdown, StringComparison.Ordinal);
        Assert.Contains("| local | in-sample", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(report, "cuad-categories.png")));
    }

    [Fact]
    public async Task EvalCuadRetrieval_NotATerminal_ProgressLinesOnStderr()
    {
        var (exit, output, error) = await _cli.RunAsync("eval", "cuad", "--data", _data, "--retrieval", "--compare", "bm25,hybrid");

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "eval cuad --retrieval: reading contracts 0/4 (0%)", "eval cuad --retrieval: reading contracts 1/4 (25%)",
                "eval cuad --retrieval: reading contracts 2/4 (50%)", "eval cuad --retrieval: reading contracts 3/4 (75%)",
                "eval cuad --retrieval: embedding with all-MiniLM-L6-v2 0/12 (0%)", // 24 pieces, 12 distinct texts: each is embedded once
                "eval cuad --retrieval: searching bm25, hybrid within each contract 0/4 (0%)", "eval cuad --retrieval: searching bm25, hybrid within each contract 1/4 (25%)",
                "eval cuad --retrieval: searching bm25, hybrid within each contract 2/4 (50%)", "eval cuad --retrieval: searching bm25, hybrid within each contract 3/4 (75%)",
            ],
            error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("eval cuad", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTokens_NotATerminal_ProgressLinesOnStderr()
    {
        var (exit, _, error) = await _cli.RunAsync("eval", "tokens", "--data", _data);

        Assert.Equal(0, exit);
        Assert.Contains("eval tokens: reading and labelling contracts 4/4 (100%)\n", error, StringComparison.Ordinal);
        Assert.Contains("eval tokens: ranking context and building prompts 3/4 (75%)\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalTokens_BothStrategies_ReportsReduction()
    {
        var (exit, output, error) = await _cli.RunAsync("eval", "tokens", "--data", _data, "--format", "json");

        Assert.True(exit == 0, error);
        using var result = JsonDocument.Parse(output);
        Assert.Equal(4, result.RootElement.GetProperty("contracts").GetInt32());
        var scores = result.RootElement.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(["few-shot", "fine-tuned"], scores.Select(s => s.GetProperty("strategy").GetString()));
        Assert.True(scores[1].GetProperty("meanPromptTokens").GetDouble() < scores[0].GetProperty("meanPromptTokens").GetDouble());
        Assert.True(result.RootElement.GetProperty("reductionAgainstFirst").GetProperty("fine-tuned").GetDouble() > 0.2);
    }

    [Fact]
    public async Task EvalCompare_LocalAndLlmConfigs_SideBySide()
    {
        using var server = new FakeModelServer
        {
            Responder = request =>
            {
                var passages = request["messages"]!.AsArray().Select(m => m!["content"]?.GetValue<string>() ?? string.Empty).Last(c => c.StartsWith("Passages:", StringComparison.Ordinal))
                    .Split('\n').Where(l => l.StartsWith('[')).ToList();
                object? Claim(string marker, string category)
                {
                    var line = passages.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
                    return line is null ? null : new
                    {
                        category, severity = "low", passage = int.Parse(line[1..line.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture),
                        quote = line[(line.IndexOf(") ", StringComparison.Ordinal) + 2)..], rationale = "r", confidence = 0.9,
                    };
                }

                var claims = new[] { Claim("governed by the laws", "Governing Law"), Claim("aggregate liability", "Cap on Liability") }.OfType<object>()
                    .Append(new { category = "Insurance", severity = "low", passage = 1, quote = "The Provider shall carry insurance of ten million", rationale = "r", confidence = 0.5 });
                return JsonSerializer.Serialize(new { findings = claims });
            },
        };
        var settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": { "ft": { "Provider": "openai-compatible", "Model": "ft:gpt-4.1-mini:acme::rev1", "BaseUrl": "{{server.BaseUrl}}", "MaxRetries": 0 } } } }
            """);

        var (exit, output, error) = await _cli.RunAsync("eval", "compare", "--data", _data, "--configs", "local,ft:fine-tuned,ft:fine-tuned:no-retrieval",
            "--settings", settings, "--format", "json");

        Assert.True(exit == 0, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("config").GetString()!);
        Assert.Equal(3, rows.Count);
        Assert.Equal(4, rows["local"].GetProperty("contracts").GetInt32());
        var ft = rows["ft:fine-tuned"];
        Assert.Equal(2.0 / 3, ft.GetProperty("citationPrecision").GetDouble(), 6);
        Assert.True(ft.GetProperty("aupr").GetDouble() > 0.9, "both gold clauses are quoted whole at high confidence");
        Assert.True(ft.GetProperty("meanPromptTokens").GetDouble() > 50);
        Assert.True(ft.GetProperty("costPerContractUsd").GetDecimal() > 0);
        Assert.Equal(8, server.Requests.Count); // 4 contracts × 2 LLM configurations
    }

    [Theory]
    [InlineData("--compare", "bert", "unknown extraction configuration")]
    [InlineData("--compare", "local:/nonexistent/model.zip", "local analyst model is missing")]
    [InlineData("--folds", "1", "--folds must be 2 or more")]
    [InlineData("--retrieval", "--compare", "bm25,colbert", "unknown retrieval configuration")]
    public async Task EvalCuad_WrongConfiguration_OneLineErrorBeforeWork(params string[] argsAndExpected)
    {
        var (exit, _, error) = await _cli.RunAsync(["eval", "cuad", "--data", _data, .. argsAndExpected[..^1]]);

        Assert.True(exit == 1, error);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(argsAndExpected[^1], error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
