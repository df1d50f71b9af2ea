using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// The JSON the stores keep, now written by build-time generated code, is byte for byte what
/// reflection-based System.Text.Json writes with the same options, for the report and context of
/// every sample contract, and it reads back to the same report.
/// </summary>
public sealed class StoredReportJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task SaveAsync_EverySampleReport_StoresWhatReflectionWritesAndReadsItBack()
    {
        var ct = TestContext.Current.CancellationToken;
        using var fixture = new StoreFixture();
        var reports = new SqliteReportStore(fixture.DatabasePath);
        var reviewer = new ContractReviewer(fixture.Ingestor, fixture.Store, new ContractAnalyzer(LocalAnalyst.Load(RepositoryPaths.Model)));
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var files = Directory.GetFiles(RepositoryPaths.Samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(10, files.Count);

        foreach (var file in files)
        {
            var report = await reviewer.ReviewFileAsync(file, StoreFixture.Alice, playbook, new AnalysisOptions(), cancellationToken: ct);
            await reports.SaveAsync(report, StoreFixture.Alice, ct);

            var (reportJson, contextJson) = await StoredJsonAsync(fixture.DatabasePath, report.ReportId, ct);
            Assert.Equal(JsonSerializer.Serialize(report, Reflection), reportJson);
            Assert.Equal(JsonSerializer.Serialize(report.Context, Reflection), contextJson);
            var read = await reports.GetAsync(report.ReportId, StoreFixture.Alice, ct);
            Assert.Equal(reportJson, JsonSerializer.Serialize(read, Reflection));
            Assert.Equal(contextJson, JsonSerializer.Serialize(read!.Context, Reflection));
        }
    }

    [Fact]
    public async Task RegisterAsync_ScoresEndpointAndAudience_ReadBackAsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var registry = new SqliteModelRegistry(dir.File("registry.db"), dir.File("no-shipped-model.zip"));
        var scores = new GateScores("gate-1", 0.537, new Dictionary<string, CategoryScore> { ["Parties"] = new(0.81, 40), ["Governing Law"] = new(0.97, 12) });
        var model = new RegisteredModel("openai-1", "openai", "base", "http://gpu-1:8000/v1 model lora", "data", DateTimeOffset.UnixEpoch, scores, ModelStatus.Candidate, null, "note")
        {
            Audience = ["alice", "group:legal"],
            Endpoint = new ServedEndpoint(new Uri("http://gpu-1:8000/v1"), "lora"),
        };

        await registry.RegisterAsync(model, ct);
        var read = (await registry.ListAsync(ct)).Single(m => m.Id == model.Id);

        Assert.Equal(JsonSerializer.Serialize(model, Reflection), JsonSerializer.Serialize(read, Reflection));
    }

    private static async Task<(string Report, string? Context)> StoredJsonAsync(string databasePath, string reportId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT report, context FROM reports WHERE id = $id";
        command.Parameters.AddWithValue("$id", reportId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
