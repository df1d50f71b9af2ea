using Tandem.Economics;
using Tandem.Tests.Support;

namespace Tandem.Tests.Models;

/// <summary>The Anthropic provider through the SDK's <c>IChatClient</c>, against the fake messages API.</summary>
public sealed class AnthropicTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeModelServer _server = new();
    private readonly CliRunner _cli;
    private readonly string _keyVariable = "TANDEM_TEST_ANTHROPIC_" + Guid.NewGuid().ToString("N");
    private readonly string _key = "sk-ant-test-" + Guid.NewGuid().ToString("N");
    private readonly string _settings;

    public AnthropicTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        Environment.SetEnvironmentVariable(_keyVariable, _key);
        _settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": { "claude": { "Provider": "anthropic", "Model": "claude-sonnet-4", "BaseUrl": "http://127.0.0.1:{{_server.Port}}", "ApiKeyVariable": "{{_keyVariable}}", "MaxRetries": 2 } } } }
            """);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ModelsTest_Anthropic_SendsMessagesRequestAndMetersUsage()
    {
        var (exit, output, error) = await _cli.RunAsync("models", "test", "claude", "--settings", _settings);

        Assert.True(exit == 0, error);
        Assert.Contains("reply: ready", output, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/v1/messages"), (request.Method, request.Path));
        // The SDK decides how the key travels (x-api-key or a bearer token); it must carry ours.
        Assert.Contains(request.Headers, h => h.Key is "x-api-key" or "Authorization" && h.Value.EndsWith(_key, StringComparison.Ordinal));
        Assert.True(request.Headers.ContainsKey("anthropic-version"));
        var body = FakeModelServer.BodyOf(request);
        Assert.Equal("claude-sonnet-4", body.GetProperty("model").GetString());
        Assert.Equal(16, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal("user", Assert.Single(body.GetProperty("messages").EnumerateArray()).GetProperty("role").GetString());
        Assert.True(body.TryGetProperty("system", out _), "the system message goes in Anthropic's top-level system field");
        Assert.DoesNotContain(_key, output + error, StringComparison.Ordinal);

        var entry = Assert.Single(await new SqliteUsageLedger(_cli.DatabasePath, new Tandem.Access.Principal("alice"), Tandem.Access.AccessPolicy.Default).ListAsync(DateTimeOffset.MinValue, TestContext.Current.CancellationToken));
        Assert.Equal("claude-sonnet-4", entry.ModelId);
        Assert.Equal(1, entry.OutputTokens);
        Assert.True(entry.InputTokens >= 8, $"input tokens {entry.InputTokens}");
        Assert.NotNull(entry.CostUsd);
    }

    [Fact]
    public async Task ModelsTest_AnthropicRefusesKey_OneLineError()
    {
        _server.FailNextAnthropic(401, "authentication_error", "invalid x-api-key");

        var (exit, _, error) = await _cli.RunAsync("models", "test", "claude", "--settings", _settings);

        Assert.Equal(1, exit);
        Assert.Contains("refused the key", error, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, error, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ModelsTest_AnthropicOverloaded_RetriedBySdk()
    {
        _server.FailNextAnthropic(529, "overloaded_error", "Overloaded", retryAfter: "0");

        var (exit, output, error) = await _cli.RunAsync("models", "test", "claude", "--settings", _settings);

        Assert.True(exit == 0, error);
        Assert.Contains("reply: ready", output, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }
}
