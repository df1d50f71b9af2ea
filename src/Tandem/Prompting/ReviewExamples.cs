namespace Tandem.Prompting;

/// <summary>Reads worked examples from JSON Lines, in the example store's import format (<c>{"category", "input" or "clause", "severity", "rationale"}</c> per line).</summary>
public static class ReviewExamples
{
    /// <summary>The shipped sample set, next to the program.</summary>
    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, "review-examples.jsonl");

    /// <summary>The examples in a file; a bad line is a clear error naming the line.</summary>
    public static IReadOnlyList<ReviewExample> Load(string path) =>
        Learning.ExampleImporter.ReadJsonLines(path, "examples file", DateTimeOffset.UnixEpoch)
            .Select(e => new ReviewExample(e.Category, e.Input, e.Severity, e.Rationale))
            .ToList();
}
