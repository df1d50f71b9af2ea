using System.Net;
using System.Text.Json;

namespace Tandem.Server.Tests;

public sealed class ServerShapeTests
{
    [Fact]
    public async Task OpenApi_Document_IsServedAsJson()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Endpoints_AnswerHealthy(string path)
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPath_Answers404AsProblemDetails()
    {
        await using var factory = new ServerFactory();
        using var client = await factory.ClientForAsync("alice");

        using var response = await client.GetAsync("/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_NamesEveryDocumentsAndKeysEndpoint()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/documents").TryGetProperty("post", out var upload));
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(paths.GetProperty("/api/documents").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/documents/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/documents/{id}/access").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/documents/{id}/history").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/keys").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/keys/{keyId}").TryGetProperty("delete", out _));
    }
}
