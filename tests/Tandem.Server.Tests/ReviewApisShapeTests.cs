using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>The review side of the API is in the OpenAPI document, each endpoint with its method, and its settings are checked at start.</summary>
public sealed class ReviewApisShapeTests
{
    [Fact]
    public async Task OpenApi_Document_NamesEveryReviewCorrectionExampleAndEconomicsEndpoint()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        (string Path, string Method)[] expected =
        [
            ("/api/reviews", "post"), ("/api/reviews/{id}", "get"), ("/api/reviews/jobs/{jobId}", "get"), ("/api/reviews/{id}/corrections", "post"),
            ("/api/corrections", "get"), ("/api/corrections/{id}", "get"), ("/api/corrections/{id}/accept", "post"), ("/api/corrections/{id}/reject", "post"),
            ("/api/examples", "get"), ("/api/examples/review", "post"), ("/api/usage", "get"), ("/api/roi", "post"), ("/api/advice", "post"),
        ];
        Assert.All(expected, e => Assert.True(paths.TryGetProperty(e.Path, out var item) && item.TryGetProperty(e.Method, out _), $"{e.Method} {e.Path}"));
        var review = paths.GetProperty("/api/reviews").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(review.TryGetProperty("multipart/form-data", out _) && review.TryGetProperty("application/json", out _), review.ToString());
    }

    [Theory]
    [InlineData("Reviews__InlineMaxClauses", "-1", "Tandem:Server:Reviews:InlineMaxClauses must be 0 or more (0: every review is a job)")]
    [InlineData("Reviews__InlineConcurrency", "0", "Tandem:Server:Reviews:InlineConcurrency must be between 1 and 256")]
    [InlineData("Jobs__Workers", "0", "Tandem:Server:Jobs:Workers must be between 1 and 64")]
    [InlineData("Jobs__InvisibilityTimeout", "00:00:01", "Tandem:Server:Jobs:InvisibilityTimeout must be at least 00:00:05")]
    [InlineData("Jobs__LockTimeout", "00:00:02", "Tandem:Server:Jobs:LockTimeout must be at least 00:00:05")]
    public async Task Serve_BadReviewOrJobSetting_OneLineAndExit1(string key, string value, string message)
    {
        using var tandem = new TandemProcess();
        tandem.Environment[$"Tandem__Server__{key}"] = value;

        var (exit, _, error) = await tandem.RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.Equal($"error: invalid settings: {message}; fix it in appsettings.json or the environment (e.g. Tandem__Retrain__EveryDays)", error.Trim());
    }
}
