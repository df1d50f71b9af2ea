using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tandem.Analysis;

namespace Tandem.Reporting;

/// <summary>The report as JSON: camelCase, severities as lower-case strings, quotes unescaped where safe.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The report's serialisation code generated at build time (names and converters still come from these options).
        TypeInfoResolver = Store.StoredRecordsJsonContext.Resolver,
    };

    public static string Render(RiskReport report) => JsonSerializer.Serialize(report, Options);
}
