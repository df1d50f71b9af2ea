using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Analysis;

/// <summary>
/// The model manifest's JSON, generated at build time: every review reads a manifest, and building
/// the serializer's metadata by reflection cost a short command about 10 ms of JIT. Held-out
/// metrics are NaN when a model is trained without a held-out pass (cross-validation folds, the
/// learning loop), hence the named floating-point literals.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LocalAnalystManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
