using System.Data.Common;
using System.Text.Json;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>How every report store keeps a report: its JSON and its context's JSON, in two columns.</summary>
internal static class StoredReports
{
    private static readonly Lazy<Task> Warming = new(() => Task.Run(() =>
    {
        SqliteTables.Json.GetTypeInfo(typeof(RiskReport));
        SqliteTables.Json.GetTypeInfo(typeof(ReportContext));
    }));

    /// <summary>
    /// Builds the serializer's description of a report and its context on another thread, once per
    /// process: about 50 ms of a one-shot review's start-up, mostly code compiled at run time, that
    /// would otherwise wait until the finished report is saved. A review starts it as its analysis begins.
    /// </summary>
    public static void WarmUp() => _ = Warming.Value;

    /// <summary>The report's JSON, without its context (kept in its own column).</summary>
    public static string ReportJson(RiskReport report) => JsonSerializer.Serialize(report, SqliteTables.Json);

    /// <summary>The context's JSON; null without one.</summary>
    public static string? ContextJson(RiskReport report) => report.Context is null ? null : JsonSerializer.Serialize(report.Context, SqliteTables.Json);

    /// <summary>The reports of a query whose first two columns are the report's JSON and the context's.</summary>
    public static async Task<List<RiskReport>> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var reports = new List<RiskReport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var report = JsonSerializer.Deserialize<RiskReport>(reader.GetString(0), SqliteTables.Json)!;
            reports.Add(await reader.IsDBNullAsync(1, cancellationToken) ? report : report with { Context = JsonSerializer.Deserialize<ReportContext>(reader.GetString(1), SqliteTables.Json) });
        }

        return reports;
    }
}
