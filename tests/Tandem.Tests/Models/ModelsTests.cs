using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Tests.Support;

namespace Tandem.Tests.Models;

public sealed class ModelsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeModelServer _server = new();
    private readonly CliRunner _cli;
    private readonly string _keyVariable = "TANDEM_TEST_KEY_" + Guid.NewGuid().ToString("N");
    private readonly string _key = "sk-test-" + Guid.NewGuid().ToString("N");

    public ModelsTests()
    {
        _cli = new CliRunner(_dir.File("tandem.db"));
        Environment.SetEnvironmentVariable(_keyVariable, _key);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        _server.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ModelsTest_FakeServer_RoundTripReportsAndRecordsUsage()
    {
        var settings = Settings(_server.BaseUrl.ToString());

        var (exit, output, error) = await _cli.RunAsync("models", "test", "reviewer", "--settings", settings);

        Assert.True(exit == 0, error);
        Assert.Contains("reply: ready", output, StringComparison.Ordinal);
        Assert.Contains("usage: 12 input (4 cached), 1 output tokens", output, StringComparison.Ordinal);
        // gpt-4.1-mini: 8 uncached × $0.40 + 4 cached × $0.10 + 1 × $1.60 per million.
        Assert.Contains("cost: $0.000005", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, output + error, StringComparison.Ordinal);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/v1/chat/completions"), (request.Method, request.Path));
        Assert.Equal("Bearer " + _key, request.Headers["Authorization"]);
        var body = FakeModelServer.BodyOf(request);
        Assert.Equal("gpt-4.1-mini", body.GetProperty("model").GetString());
        Assert.Equal(["system", "user"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        var entry = Assert.Single(await new SqliteUsageLedger(_cli.DatabasePath, new Tandem.Access.Principal("alice"), Tandem.Access.AccessPolicy.Default).ListAsync(DateTimeOffset.MinValue, TestContext.Current.CancellationToken));
        Assert.Equal(("reviewer", "gpt-4.1-mini", "models test", 12L, 4L, 1L, true), (entry.ModelName, entry.ModelId, entry.Operation, entry.InputTokens, entry.CachedInputTokens, entry.OutputTokens, entry.Succeeded));
        Assert.Equal(0.0000052m, entry.CostUsd);
    }

    [Fact]
    public async Task ModelsTest_AzureOpenAiV1_UsesItsBaseUrlAndDeployment()
    {
        var settings = _dir.Write("azure.json", $$"""
            { "Tandem": { "Models": { "azure": { "Provider": "azure-openai", "Model": "contracts-gpt41", "BaseUrl": "{{_server.BaseUrl}}", "ApiKeyVariable": "{{_keyVariable}}" } } } }
            """);

        var (exit, output, error) = await _cli.RunAsync("models", "test", "azure", "--settings", settings);

        Assert.True(exit == 0, error);
        Assert.Contains("cost: unknown", output, StringComparison.Ordinal); // a deployment name is not a price-book id
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("contracts-gpt41", FakeModelServer.BodyOf(request).GetProperty("model").GetString());
    }

    [Fact]
    public async Task ModelsTest_RateLimitedWithRetryAfter_WaitsThenSucceeds()
    {
        _server.FailNext(429, "rate_limit_exceeded", "Rate limit reached for requests", retryAfter: "1");
        var watch = Stopwatch.StartNew();

        var (exit, output, error) = await _cli.RunAsync("models", "test", "reviewer", "--settings", Settings(_server.BaseUrl.ToString()));

        Assert.True(exit == 0, error);
        Assert.Contains("reply: ready", output, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task ModelsTest_RefusedKey_OneLineErrorWithoutTheKey()
    {
        _server.FailNext(401, "invalid_api_key", $"Incorrect API key provided: {_key}.");

        var (exit, output, error) = await _cli.RunAsync("models", "test", "reviewer", "--settings", Settings(_server.BaseUrl.ToString()));

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("refused the key", error, StringComparison.Ordinal);
        Assert.Contains(_keyVariable, error, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, output + error, StringComparison.Ordinal);
        Assert.Single(_server.Requests); // a refused key is not retried
        var entry = Assert.Single(await new SqliteUsageLedger(_cli.DatabasePath, new Tandem.Access.Principal("alice"), Tandem.Access.AccessPolicy.Default).ListAsync(DateTimeOffset.MinValue, TestContext.Current.CancellationToken));
        Assert.False(entry.Succeeded);
    }

    [Fact]
    public async Task ModelsTest_Unreachable_SaysSo()
    {
        var closed = new FakeModelServer();
        var url = closed.BaseUrl.ToString();
        closed.Dispose();

        var (exit, _, error) = await _cli.RunAsync("models", "test", "reviewer", "--settings", Settings(url, maxRetries: 0));

        Assert.Equal(1, exit);
        Assert.Contains("cannot reach", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsList_ShowsWhetherTheKeyIsSetNeverTheKey()
    {
        var (exit, output, _) = await _cli.RunAsync("models", "list", "--settings", Settings(_server.BaseUrl.ToString()));

        Assert.Equal(0, exit);
        Assert.Contains("reviewer", output, StringComparison.Ordinal);
        Assert.Contains("(set)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_key, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Provider\": \"bard\", \"Model\": \"x\"", "unknown provider 'bard'")]
    [InlineData("\"Provider\": \"openai\"", "Model is missing")]
    [InlineData("\"Provider\": \"openai-compatible\", \"Model\": \"llama\"", "needs a BaseUrl")]
    [InlineData("\"Provider\": \"openai\", \"Model\": \"gpt-4.1\", \"ApiKey\": \"sk-secret\"", "keys are not read from settings files")]
    [InlineData("\"Provider\": \"openai\", \"Model\": \"gpt-4.1\", \"BaseUrl\": \"ftp://x\"", "is not an http(s) URL")]
    [InlineData("\"Provider\": \"openai\", \"Model\": \"gpt-4.1\", \"MaxRetries\": \"many\"", "MaxRetries 'many'")]
    [InlineData("\"Provider\": \"openai\", \"Model\": \"gpt-4.1\", \"FineTuneApi\": \"fireworks\"", "unknown FineTuneApi 'fireworks'")]
    public async Task ModelsList_BadSettings_OneLineError(string entry, string expected)
    {
        var settings = _dir.Write("bad.json", "{ \"Tandem\": { \"Models\": { \"m\": { " + entry + " } } } }");

        var (exit, _, error) = await _cli.RunAsync("models", "list", "--settings", settings);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsTest_UnknownName_ListsConfigured()
    {
        var (exit, _, error) = await _cli.RunAsync("models", "test", "writer", "--settings", Settings(_server.BaseUrl.ToString()));

        Assert.Equal(1, exit);
        Assert.Contains("no model named 'writer'", error, StringComparison.Ordinal);
        Assert.Contains("configured: reviewer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_MetersUsageFromTheFinalChunk()
    {
        var catalog = ModelCatalog.FromConfiguration(new ConfigurationBuilder().AddJsonFile(Settings(_server.BaseUrl.ToString())).Build());
        var ledger = new SqliteUsageLedger(_dir.File("ledger.db"), new Tandem.Access.Principal("alice"), Tandem.Access.AccessPolicy.Default);
        using var client = ChatClients.Create(catalog.Get("reviewer"), ledger, PriceBook.Default(), "stream test");

        var text = string.Concat(await client.GetStreamingResponseAsync("Say ready", cancellationToken: TestContext.Current.CancellationToken)
            .Select(u => u.Text).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("ready", text);
        Assert.True(FakeModelServer.BodyOf(Assert.Single(_server.Requests)).GetProperty("stream").GetBoolean());
        var entry = Assert.Single(await ledger.ListAsync(DateTimeOffset.MinValue, TestContext.Current.CancellationToken));
        Assert.Equal((12L, 4L, 1L), (entry.InputTokens, entry.CachedInputTokens, entry.OutputTokens));
    }

    [Fact]
    public async Task Search_RemoteEmbeddingModel_EmbedsThroughTheProvider()
    {
        var settings = _dir.Write("embed.json", $$"""
            { "Tandem": { "Models": { "emb": { "Provider": "openai-compatible", "Model": "text-embedding-3-small", "BaseUrl": "{{_server.BaseUrl}}", "ApiKeyVariable": "{{_keyVariable}}" } } } }
            """);
        Assert.Equal(0, (await _cli.RunAsync("ingest", _dir.Write("supply.txt", ContractTexts.Supply))).Exit);

        var (exit, output, error) = await _cli.RunAsync("search", "aggregate liability fees", "--mode", "dense", "--embedding-model", "emb", "--settings", settings, "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("aggregate liability", output, StringComparison.Ordinal);
        var requests = _server.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("/v1/embeddings", r.Path));
        Assert.True(requests.Count >= 2, "clauses and the query are embedded remotely");
        Assert.Equal("text-embedding-3-small", FakeModelServer.BodyOf(requests[0]).GetProperty("model").GetString());
    }

    [Fact]
    public void FromConfiguration_EnvironmentStyleKeys_OverrideTheFile()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Settings(_server.BaseUrl.ToString()))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // What Tandem__Models__reviewer__Model=... in the environment becomes.
                ["Tandem:Models:reviewer:Model"] = "ft:gpt-4.1-mini:acme::v2",
                ["Tandem:Models:writer:Provider"] = "anthropic",
                ["Tandem:Models:writer:Model"] = "claude-sonnet-4",
            })
            .Build();

        var catalog = ModelCatalog.FromConfiguration(configuration);

        Assert.Equal("ft:gpt-4.1-mini:acme::v2", catalog.Get("reviewer").Model);
        Assert.Equal(_server.BaseUrl, catalog.Get("reviewer").BaseUrl);
        Assert.Equal(("anthropic", "ANTHROPIC_API_KEY"), (catalog.Get("writer").Provider, catalog.Get("writer").ApiKeyVariable));
    }

    [Fact]
    public void FromConfiguration_FineTuneApi_InferredFromProviderAndHost_OrConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tandem:Models:gpt:Model"] = "gpt-4.1-mini",
            ["Tandem:Models:together:Provider"] = "openai-compatible",
            ["Tandem:Models:together:Model"] = "meta-llama/Llama-3.1-8B-Instruct-Reference",
            ["Tandem:Models:together:BaseUrl"] = "https://api.together.xyz/v1",
            ["Tandem:Models:claude:Provider"] = "anthropic",
            ["Tandem:Models:claude:Model"] = "claude-sonnet-4",
            ["Tandem:Models:proxy:Provider"] = "openai-compatible",
            ["Tandem:Models:proxy:Model"] = "llama",
            ["Tandem:Models:proxy:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Tandem:Models:proxy:FineTuneApi"] = "Together",
        }).Build();

        var catalog = ModelCatalog.FromConfiguration(configuration);

        Assert.Equal(["openai", "together", "none", "together"], new[] { "gpt", "together", "claude", "proxy" }.Select(n => catalog.Get(n).FineTuneApi));
    }

    [Fact]
    public void Load_EnvironmentVariables_AreRead()
    {
        var name = "m" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable($"Tandem__Models__{name}__Model", "gpt-4.1-nano");
        try
        {
            Assert.Equal("gpt-4.1-nano", ModelCatalog.Load(Settings(_server.BaseUrl.ToString())).Get(name).Model);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"Tandem__Models__{name}__Model", null);
        }
    }

    [Fact]
    public void CostOf_FineTunedId_UsesFineTunedRates()
    {
        var book = PriceBook.Default();

        Assert.Equal(0.80m, MeteringChatClient.CostOf(book, "ft:gpt-4.1-mini:acme::abc123", 1_000_000, 0, 0));
        Assert.Equal(0.40m, MeteringChatClient.CostOf(book, "gpt-4.1-mini", 1_000_000, 0, 0));
        Assert.Null(MeteringChatClient.CostOf(book, "my-local-llama", 1_000, 0, 10));
    }

    private string Settings(string baseUrl, int maxRetries = 2) =>
        _dir.Write($"settings-{Guid.NewGuid():N}.json", $$"""
            { "Tandem": { "Models": { "reviewer": {
                "Provider": "openai-compatible", "Model": "gpt-4.1-mini", "BaseUrl": "{{baseUrl}}",
                "ApiKeyVariable": "{{_keyVariable}}", "MaxRetries": {{maxRetries}} } } } }
            """);
}
