using System.Text.Json;
using Tandem.Prompting;

namespace Tandem.Learning;

/// <summary>
/// Checks a JSON Lines fine-tuning file against a provider's rules: every line valid JSON in the
/// format's shape; roles known and in order (an optional system message first, then user and
/// assistant alternating, ending with the assistant); no empty content; each example under the
/// token limit; at least the provider's minimum number of examples. Every problem is reported by
/// line, so a file can be fixed in one pass.
/// </summary>
public sealed class DatasetValidator(TokenCounter tokens)
{
    /// <summary>Most tokens in one training example (OpenAI's limit for its current models is 65,536).</summary>
    public int MaxTokensPerExample { get; init; } = 65_536;

    /// <summary>Fewest examples a job accepts (OpenAI requires 10).</summary>
    public int MinimumExamples { get; init; } = 10;

    public DatasetReport Validate(string path, DatasetFormat format)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"dataset file not found: {path}", "pass a JSON Lines file");
        }

        var issues = new List<DatasetIssue>();
        var sizes = new List<int>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                issues.Add(new DatasetIssue(number, "empty line (JSON Lines has one example per line)"));
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var (messages, problem) = Messages(document.RootElement, format);
                problem ??= CheckOrder(messages);
                if (problem is not null)
                {
                    issues.Add(new DatasetIssue(number, problem));
                    continue;
                }

                var size = tokens.CountChat(messages.Select(m => m.Content));
                if (size > MaxTokensPerExample)
                {
                    issues.Add(new DatasetIssue(number, $"{size:N0} tokens, over the limit of {MaxTokensPerExample:N0} per example"));
                    continue;
                }

                sizes.Add(size);
            }
            catch (JsonException e)
            {
                issues.Add(new DatasetIssue(number, "not valid JSON: " + e.Message));
            }
        }

        if (sizes.Count < MinimumExamples)
        {
            issues.Add(new DatasetIssue(0, $"{sizes.Count} valid examples; at least {MinimumExamples} are required"));
        }

        return new DatasetReport(format, sizes.Count, issues, sizes.Sum(s => (long)s), sizes.Count == 0 ? 0 : sizes.Max(), sizes.Count == 0 ? 0 : sizes.Average());
    }

    private static (List<(string Role, string Content)> Messages, string? Problem) Messages(JsonElement root, DatasetFormat format)
    {
        var messages = new List<(string, string)>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return (messages, "each line must be an object with a \"messages\" array");
        }

        if (format == DatasetFormat.Bedrock && root.TryGetProperty("system", out var system))
        {
            var text = system.ValueKind == JsonValueKind.Array ? string.Concat(system.EnumerateArray().Select(Text)) : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return (messages, "\"system\" must be a non-empty array of {\"text\": ...}");
            }

            messages.Add(("system", text));
        }

        var index = 0;
        foreach (var message in array.EnumerateArray())
        {
            index++;
            if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                return (messages, $"message {index} has no \"role\"");
            }

            var content = message.TryGetProperty("content", out var c)
                ? format == DatasetFormat.Bedrock
                    ? c.ValueKind == JsonValueKind.Array ? string.Concat(c.EnumerateArray().Select(Text)) : null
                    : c.ValueKind == JsonValueKind.String ? c.GetString() : null
                : null;
            if (string.IsNullOrWhiteSpace(content))
            {
                return (messages, $"message {index} ({role.GetString()}) has empty or malformed content{(format == DatasetFormat.Bedrock ? " (Bedrock wants [{\"text\": ...}])" : "")}");
            }

            if (format == DatasetFormat.Bedrock && role.GetString() == "system")
            {
                return (messages, "Bedrock puts the system prompt in the top-level \"system\" field, not in messages");
            }

            messages.Add((role.GetString()!, content));
        }

        return (messages, null);
    }

    private static string? Text(JsonElement part) =>
        part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static string? CheckOrder(List<(string Role, string Content)> messages)
    {
        var i = messages.Count > 0 && messages[0].Role == "system" ? 1 : 0;
        if (messages.Count - i < 2)
        {
            return "an example needs at least one user message and one assistant answer";
        }

        for (var expected = "user"; i < messages.Count; i++, expected = expected == "user" ? "assistant" : "user")
        {
            if (messages[i].Role is not ("user" or "assistant" or "system"))
            {
                return $"message {i + 1} has unknown role '{messages[i].Role}'";
            }

            if (messages[i].Role != expected)
            {
                return $"message {i + 1} is '{messages[i].Role}' where '{expected}' is expected (system first, then user and assistant alternating)";
            }
        }

        return messages[^1].Role == "assistant" ? null : "the last message must be the assistant's answer (what the model learns)";
    }
}
