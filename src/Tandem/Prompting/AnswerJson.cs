using System.Text.Json;
using Tandem.Analysis;

namespace Tandem.Prompting;

/// <summary>The structured answer <c>tandem ask</c> requests: sentences, each with the passages and quotes it rests on.</summary>
public static class AnswerJson
{
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "sentences": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "text": { "type": "string" },
                  "citations": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": { "passage": { "type": "integer" }, "quote": { "type": "string" } },
                      "required": ["passage", "quote"],
                      "additionalProperties": false
                    }
                  }
                },
                "required": ["text", "citations"],
                "additionalProperties": false
              }
            }
          },
          "required": ["sentences"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>One sentence as the model wrote it.</summary>
    public sealed record ModelSentence(string Text, IReadOnlyList<Citation> Citations);

    public static bool TryParse(string reply, out IReadOnlyList<ModelSentence> sentences, out string error)
    {
        sentences = [];
        try
        {
            using var document = JsonDocument.Parse(ModelJson.StripFence(reply));
            if (!document.RootElement.TryGetProperty("sentences", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                error = "the reply must be a JSON object with a \"sentences\" array";
                return false;
            }

            var list = new List<ModelSentence>();
            foreach (var item in array.EnumerateArray())
            {
                if (!item.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    error = "every sentence needs a \"text\" string";
                    return false;
                }

                var citations = item.TryGetProperty("citations", out var c) && c.ValueKind == JsonValueKind.Array
                    ? c.EnumerateArray()
                        .Where(x => x.TryGetProperty("passage", out var p) && p.TryGetInt32(out _) && x.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String)
                        .Select(x => new Citation(x.GetProperty("passage").GetInt32(), x.GetProperty("quote").GetString()!)).ToList()
                    : [];
                list.Add(new ModelSentence(text.GetString()!, citations));
            }

            sentences = list;
            error = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            error = "the reply is not valid JSON: " + e.Message;
            return false;
        }
    }
}
