using System.Text.Json;

namespace Tandem.Prompting;

/// <summary>
/// The structured output the review strategies ask for, its JSON schema, and a strict parser
/// that says what is wrong (for the repair turn) instead of guessing.
/// </summary>
public static class FindingsJson
{
    /// <summary>The JSON schema of the findings object.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "findings": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "category": { "type": "string" },
                  "severity": { "type": "string", "enum": ["high", "medium", "low"] },
                  "passage": { "type": "integer" },
                  "quote": { "type": "string" },
                  "rationale": { "type": "string" },
                  "confidence": { "type": "number" },
                  "favours": { "type": "string", "enum": ["us", "them", "both", "unclear"] },
                  "deviation": { "type": "string" }
                },
                "required": ["category", "severity", "passage", "quote", "rationale", "confidence"],
                "additionalProperties": false
              }
            }
          },
          "required": ["findings"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>One finding as the model wrote it.</summary>
    public sealed record ModelFinding(string Category, string Severity, int Passage, string Quote, string Rationale, double Confidence)
    {
        /// <summary>Whom the model says the clause favours, seen from the side under review; null when it did not say.</summary>
        public Analysis.Favours? Favours { get; init; }

        /// <summary>The playbook deviation the model says the clause shows; null or empty when none.</summary>
        public string? Deviation { get; init; }
    }

    /// <summary>Parses a reply; on failure, <paramref name="error"/> says what is wrong in terms a model can act on.</summary>
    public static bool TryParse(string reply, out IReadOnlyList<ModelFinding> findings, out string error)
    {
        findings = [];
        var text = ModelJson.StripFence(reply);

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("findings", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                error = "the reply must be a JSON object with a \"findings\" array";
                return false;
            }

            var list = new List<ModelFinding>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("category", out var category) || category.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("passage", out var passage) || !passage.TryGetInt32(out var number)
                    || !item.TryGetProperty("quote", out var quote) || quote.ValueKind != JsonValueKind.String)
                {
                    error = $"finding {index} needs \"category\" (string), \"passage\" (integer) and \"quote\" (string)";
                    return false;
                }

                list.Add(new ModelFinding(category.GetString()!, Text(item, "severity") ?? "medium", number, quote.GetString()!, Text(item, "rationale") ?? string.Empty,
                    item.TryGetProperty("confidence", out var c) && c.TryGetDouble(out var value) ? Math.Clamp(value, 0, 1) : 0.5)
                {
                    Favours = Text(item, "favours") is { } favours && Enum.TryParse<Analysis.Favours>(favours, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : null,
                    Deviation = Text(item, "deviation"),
                });
            }

            findings = list;
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            error = "the reply is not valid JSON: " + e.Message;
            return false;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
