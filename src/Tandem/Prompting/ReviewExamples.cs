using System.Text.Json;
using Tandem.Analysis;

namespace Tandem.Prompting;

/// <summary>Reads worked examples from JSON Lines: <c>{"category", "clause", "severity", "rationale"}</c> per line.</summary>
public static class ReviewExamples
{
    /// <summary>The examples in a file; a bad line is a clear error naming the line.</summary>
    public static IReadOnlyList<ReviewExample> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"examples file not found: {path}", "pass a JSON Lines file, e.g. samples/examples/review-examples.jsonl");
        }

        var examples = new List<ReviewExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var category = ClauseCategories.Canonical(root.GetProperty("category").GetString() ?? string.Empty)
                    ?? throw new TandemException($"{path}, line {number}: unknown category '{root.GetProperty("category").GetString()}'", "use one of the CUAD category names");
                var clause = root.GetProperty("clause").GetString();
                if (string.IsNullOrWhiteSpace(clause))
                {
                    throw new TandemException($"{path}, line {number}: \"clause\" is empty", "give the clause text the example teaches");
                }

                examples.Add(new ReviewExample(category, clause, root.TryGetProperty("severity", out var s) ? s.GetString() ?? "medium" : "medium",
                    root.TryGetProperty("rationale", out var r) ? r.GetString() ?? string.Empty : string.Empty));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new TandemException($"{path}, line {number}: not a valid example ({e.Message.TrimEnd('.')})",
                    "each line must be a JSON object with \"category\" and \"clause\" strings");
            }
        }

        return examples;
    }
}
