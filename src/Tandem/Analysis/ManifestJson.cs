using System.Text.Json;

namespace Tandem.Analysis;

/// <summary>JSON settings shared by the model manifest reader and writer.</summary>
internal static class ManifestJson
{
    // Held-out metrics are NaN when a model is trained without a held-out pass (cross-validation folds, the learning loop).
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
