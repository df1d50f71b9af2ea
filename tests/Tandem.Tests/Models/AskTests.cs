using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Tests.Support;

namespace Tandem.Tests.Models;

/// <summary><c>tandem ask</c> against a scripted fake OpenAI server.</summary>
public sealed class AskTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeModelServer _server = new();
    private readonly CliRunner _alice;
    private readonly CliRunner _bob;
    private readonly string _settings;

    public AskTests()
    {
        _alice = new CliRunner(_dir.File("tandem.db"));
        _bob = new CliRunner(_dir.File("tandem.db"), "bob");
        _settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": { "base": { "Provider": "openai-compatible", "Model": "gpt-4.1-mini", "BaseUrl": "{{_server.BaseUrl}}", "MaxRetries": 0 } } } }
            """);
        // The model writes one sentence per line with its sources as [n "quote"], as the streaming prompt asks.
        _server.Responder = request =>
        {
            var passages = request["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            var cap = passages.Split('\n').FirstOrDefault(l => l.Contains("aggregate liability", StringComparison.Ordinal));
            var n = cap is null ? "1" : cap[1..cap.IndexOf(']', StringComparison.Ordinal)];
            return $"Liability is capped at twelve months of fees. [{n} \"aggregate liability exceed the fees paid in the twelve months\"]\n" +
                $"Fraud is excluded from the cap. [{n} \"except in cases of fraud\"]\n";
        };
    }

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Ask_CitesVerifiedSourcesAndMarksTheRest()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, error) = await _alice.RunAsync("ask", "What is the limitation of liability?", "--model", "base", "--settings", _settings);

        Assert.True(exit == 0, error);
        Assert.Contains("Liability is capped at twelve months of fees. [1]", output, StringComparison.Ordinal);
        Assert.Contains("Fraud is excluded from the cap. [unverified]", output, StringComparison.Ordinal);
        Assert.Contains("[1] supply v1, clause 3: \"aggregate liability exceed the fees paid in the twelve months\"", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 sentences could not be verified", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_StreamsTheAnswerAndPrintsEachLineChecked()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, error) = await _alice.RunAsync("ask", "What is the limitation of liability?", "--model", "base", "--settings", _settings);

        Assert.True(exit == 0, error);
        Assert.True(FakeModelServer.BodyOf(Assert.Single(_server.Requests)).GetProperty("stream").GetBoolean());
        Assert.StartsWith("Liability is capped at twelve months of fees. [1]\nFraud is excluded from the cap. [unverified]\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"except in cases of fraud\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoModel_QuotesTheBestPassagesOffline()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, error) = await _alice.RunAsync("ask", "Which law governs the agreement?");

        Assert.True(exit == 0, error);
        // No model call (a POST); a stray GET /health/live from the server tests, run in parallel in another process, can
        // reach this fake server when its free port was just released by one of them (seen once in CI).
        Assert.DoesNotContain(_server.Requests, r => r.Method == "POST");
        Assert.StartsWith("\"This Agreement is governed by the laws of the State of New York.\" (supply v1, clause 4) [1]", output, StringComparison.Ordinal);
        Assert.Contains("[1] supply v1, clause 4: \"This Agreement is governed by the laws of the State of New York.\"", output, StringComparison.Ordinal);
        Assert.Contains("Every sentence is backed by a verified quote.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Json_AnswerWithNumberedSources()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, error) = await _alice.RunAsync("ask", "What is the limitation of liability?", "--model", "base", "--settings", _settings, "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("base", json["model"]!.GetValue<string>());
        Assert.Equal((2, 1), (json["sentences"]!.GetValue<int>(), json["unverified"]!.GetValue<int>()));
        var source = Assert.Single(json["sources"]!.AsArray())!;
        Assert.Equal(("3", "aggregate liability exceed the fees paid in the twelve months"), (source["path"]!.GetValue<string>(), source["quote"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ask_OtherUser_ModelNeverSeesAlicesText()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);
        Assert.Equal(0, (await _bob.RunAsync("ingest", _dir.Write("nda.txt", ContractTexts.Nda))).Exit);

        var (exit, output, _) = await _bob.RunAsync("ask", "What is the limitation of liability?", "--model", "base", "--settings", _settings);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Birch", output, StringComparison.Ordinal);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("Birch", r.Body, StringComparison.Ordinal));
        Assert.DoesNotContain("[1] supply", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NothingTheCallerMayRead_OneCompleteLine()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, _) = await _bob.RunAsync("ask", "Which law governs the agreement?");

        Assert.Equal(0, exit);
        Assert.Equal("No passage you may read matches the question, so there is nothing to answer from.\n", output.ReplaceLineEndings("\n"));
    }
}
