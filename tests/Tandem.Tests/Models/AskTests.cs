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
        _server.Responder = request =>
        {
            var passages = request["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            var cap = passages.Split('\n').FirstOrDefault(l => l.Contains("aggregate liability", StringComparison.Ordinal));
            var number = cap is null ? 1 : int.Parse(cap[1..cap.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            return JsonSerializer.Serialize(new
            {
                sentences = new object[]
                {
                    new { text = "Liability is capped at twelve months of fees.", citations = new[] { new { passage = number, quote = "aggregate liability exceed the fees paid in the twelve months" } } },
                    new { text = "Fraud is excluded from the cap.", citations = new[] { new { passage = number, quote = "except in cases of fraud" } } },
                },
            });
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
    public async Task Ask_Stream_ShowsTextThenChecksCitations()
    {
        Assert.Equal(0, (await _alice.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);
        _server.Responder = request =>
        {
            var passages = request["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
            var cap = passages.Split('\n').First(l => l.Contains("aggregate liability", StringComparison.Ordinal));
            var n = cap[1..cap.IndexOf(']', StringComparison.Ordinal)];
            return $"Liability is capped at twelve months of fees. [{n} \"aggregate liability exceed the fees paid in the twelve months\"]\n" +
                $"Fraud is excluded from the cap. [{n} \"except in cases of fraud\"]\n";
        };

        var (exit, output, error) = await _alice.RunAsync("ask", "What is the limitation of liability?", "--model", "base", "--settings", _settings, "--stream");

        Assert.True(exit == 0, error);
        Assert.True(FakeModelServer.BodyOf(Assert.Single(_server.Requests)).GetProperty("stream").GetBoolean());
        Assert.StartsWith("Liability is capped at twelve months of fees. [", output, StringComparison.Ordinal);
        var checkedPart = output[output.IndexOf("Checked:", StringComparison.Ordinal)..];
        Assert.Contains("Liability is capped at twelve months of fees. [1]", checkedPart, StringComparison.Ordinal);
        Assert.Contains("Fraud is excluded from the cap. [unverified]", checkedPart, StringComparison.Ordinal);
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
}
