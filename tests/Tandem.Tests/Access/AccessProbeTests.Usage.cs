using Microsoft.Data.Sqlite;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

/// <summary>Probes of the usage ledger: a user sees their own calls.</summary>
public sealed partial class AccessProbeTests
{
    [Fact]
    public async Task EveryUser_Usage_ShowsTheirOwnCalls_AdminsSeeAll()
    {
        using var server = new FakeModelServer();
        var settings = _dir.Write("appsettings.json", $$"""
            { "Tandem": { "Models": { "reviewer": { "Provider": "openai-compatible", "Model": "gpt-4.1-mini", "BaseUrl": "{{server.BaseUrl}}", "MaxRetries": 0 } } } }
            """);
        Assert.Equal(0, (await _carol.RunAsync("models", "test", "reviewer", "--settings", settings)).Exit);
        await using (var connection = new SqliteConnection($"Data Source={_carol.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            using var command = connection.CreateCommand();
            // A call recorded before the ledger kept users: nobody's but the admins'.
            command.CommandText = "INSERT INTO usage_ledger (at, model_name, model_id, operation, input_tokens, cached_input_tokens, output_tokens, latency_ms, succeeded) SELECT at, model_name, model_id, 'ask', 1, 0, 1, 5, 1 FROM usage_ledger";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        async Task<string> UsageAsync(CliRunner cli, params string[] groups) => (await cli.RunAsync(["usage", .. groups])).Output;

        Assert.Contains("0 calls in the last 30 days", await UsageAsync(_alice), StringComparison.Ordinal);
        Assert.Contains("1 calls in the last 30 days", await UsageAsync(_carol), StringComparison.Ordinal);
        Assert.Contains("2 calls in the last 30 days", await UsageAsync(_dana, "--groups", "admin"), StringComparison.Ordinal);
    }
}
