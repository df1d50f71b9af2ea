using System.Text.Json;
using Tandem.Learning;
using Tandem.Prompting;
using Tandem.Tests.Support;

namespace Tandem.Tests.Learning;

public sealed class DatasetValidatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Chat(string user, string answer, string? system = "Review the clause.") => JsonSerializer.Serialize(new
    {
        messages = (system is null ? [] : new[] { new { role = "system", content = system } })
            .Concat([new { role = "user", content = user }, new { role = "assistant", content = answer }]),
    });

    private string Write(IEnumerable<string> lines) => _dir.Write($"d{Guid.NewGuid():N}.jsonl", string.Join("\n", lines) + "\n");

    [Fact]
    public void Validate_GoodOpenAiFile_ValidWithTokenStats()
    {
        var path = Write(Enumerable.Range(0, 12).Select(i => Chat($"Clause {i}: liability is capped.", "{\"findings\": []}")));

        var report = new DatasetValidator(new TokenCounter()).Validate(path, DatasetFormat.OpenAiChat);

        Assert.True(report.IsValid, string.Join("; ", report.Issues));
        Assert.Equal(12, report.Examples);
        Assert.True(report.MeanTokens > 10);
        Assert.Equal(report.TotalTokens * 3 * 5m / 1_000_000m, report.TrainingCost(3, 5m));
    }

    [Fact]
    public void Validate_BadLines_ReportedByLine()
    {
        var lines = Enumerable.Range(0, 10).Select(i => Chat($"Clause {i}", "ok")).ToList();
        lines.Add("{not json");
        lines.Add(JsonSerializer.Serialize(new { messages = new[] { new { role = "assistant", content = "a" }, new { role = "user", content = "b" } } }));
        lines.Add(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = "q" }, new { role = "assistant", content = " " } } }));
        lines.Add(JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = "q" } } }));
        lines.Add(JsonSerializer.Serialize(new { prompt = "legacy", completion = "format" }));

        var report = new DatasetValidator(new TokenCounter()).Validate(Write(lines), DatasetFormat.OpenAiChat);

        Assert.Equal(10, report.Examples);
        Assert.Equal([11, 12, 13, 14, 15], report.Issues.Select(i => i.Line));
        Assert.Contains("not valid JSON", report.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("'assistant' where 'user' is expected", report.Issues[1].Message, StringComparison.Ordinal);
        Assert.Contains("empty or malformed content", report.Issues[2].Message, StringComparison.Ordinal);
        Assert.Contains("at least one user message and one assistant answer", report.Issues[3].Message, StringComparison.Ordinal);
        Assert.Contains("\"messages\" array", report.Issues[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooFewAndTooLong_Reported()
    {
        var path = Write([Chat(string.Join(' ', Enumerable.Repeat("liability", 400)), "ok"), Chat("short", "ok")]);

        var report = new DatasetValidator(new TokenCounter()) { MaxTokensPerExample = 100 }.Validate(path, DatasetFormat.HfMessages);

        Assert.Contains(report.Issues, i => i.Line == 1 && i.Message.Contains("over the limit of 100", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.Line == 0 && i.Message.Contains("at least 10 are required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Bedrock_WantsTextPartsAndTopLevelSystem()
    {
        var good = JsonSerializer.Serialize(new
        {
            schemaVersion = "bedrock-conversation-2024",
            system = new[] { new { text = "Review the clause." } },
            messages = new object[] { new { role = "user", content = new[] { new { text = "Clause 1" } } }, new { role = "assistant", content = new[] { new { text = "ok" } } } },
        });
        var openAiShaped = Chat("Clause 1", "ok", system: null);

        var report = new DatasetValidator(new TokenCounter()) { MinimumExamples = 1 }.Validate(Write([good, openAiShaped]), DatasetFormat.Bedrock);

        Assert.Equal(1, report.Examples);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("Bedrock wants [{\"text\": ...}]", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatasetValidate_Cli_ListsProblemsAndExitsOne()
    {
        var cli = new CliRunner(_dir.File("tandem.db"));
        var path = Write([Chat("q", "a"), "{oops"]);

        var (exit, output, error) = await cli.RunAsync("dataset", "validate", path, "--format", "openai-chat");

        Assert.Equal(1, exit);
        Assert.Contains("line 2: not valid JSON", output, StringComparison.Ordinal);
        Assert.Contains("file: 1 valid examples; at least 10 are required", output, StringComparison.Ordinal);
        Assert.Contains("training cost estimate", output, StringComparison.Ordinal);
        Assert.StartsWith("error: 2 problems", error, StringComparison.Ordinal);
    }
}
