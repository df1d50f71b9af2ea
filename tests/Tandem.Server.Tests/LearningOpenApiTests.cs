using System.Text.Json;

namespace Tandem.Server.Tests;

public sealed class LearningOpenApiTests
{
    private static readonly (string Path, string Method)[] Endpoints =
    [
        ("/api/datasets", "post"), ("/api/datasets/{id}", "get"), ("/api/datasets/{id}/download", "get"),
        ("/api/finetunes", "post"), ("/api/finetunes", "get"), ("/api/finetunes/{id}", "get"), ("/api/finetunes/{id}/cancel", "post"),
        ("/api/models", "get"), ("/api/models/decisions", "get"), ("/api/models/{id}/evaluate", "post"), ("/api/models/{id}/promote", "post"),
        ("/api/retrain/decision", "get"), ("/api/retrain/local", "post"), ("/api/retrain/jobs/{id}", "get"),
    ];

    [Fact]
    public async Task OpenApi_Document_NamesEveryLearningEndpoint()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.All(Endpoints, e => Assert.True(paths.TryGetProperty(e.Path, out var item) && item.TryGetProperty(e.Method, out _), $"{e.Method} {e.Path}"));
    }
}
