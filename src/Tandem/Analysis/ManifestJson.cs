using System.Text.Json;

namespace Tandem.Analysis;

/// <summary>JSON settings shared by the model manifest reader and writer.</summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
