using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Limits;

namespace Tandem.Server.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task Upload_OverTheRequestSizeLimit_413ProblemDetailsAndNothingStored()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { [ServerLimits.MaxRequestMegabytesKey] = "0.01" });
        using var client = await factory.ClientForAsync("alice");
        var big = Contracts.Text("Alpha") + new string('x', 20_000);

        using var response = await client.PostAsync("/api/documents", Contracts.Upload(null, ("big.txt", big)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("the request is larger than the server's limit of 0.01 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetArrayLength());
    }

    [Fact]
    public async Task Upload_ChunkedOverTheLimit_413()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { [ServerLimits.MaxRequestMegabytesKey] = "0.01" });
        using var client = await factory.ClientForAsync("alice");
        var body = Contracts.Upload(null, ("big.txt", Contracts.Text("Alpha") + new string('x', 20_000)));
        var bytes = await body.ReadAsByteArrayAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Content.Headers.ContentType = body.Headers.ContentType;
        // No declared length: the multipart reader, not the length check, must stop it.
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentLength = null;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Requests_OverTheRatePerKey_429WithRetryAfter_OtherKeysUnaffected()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { [ServerLimits.PermitsPerMinuteKey] = "3" });
        using var alice = await factory.ClientForAsync("alice");
        using var bob = await factory.ClientForAsync("bob");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/documents")).StatusCode);
        }

        using var refused = await alice.GetAsync("/api/documents");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Cors_OffByDefault_OnForConfiguredOrigins()
    {
        await using var closed = new ServerFactory();
        await using var open = new ServerFactory(new Dictionary<string, string?> { [ServerLimits.CorsOriginsKey] = "https://app.example.test" });

        Assert.False((await PreflightAsync(closed)).Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://app.example.test", Assert.Single((await PreflightAsync(open)).Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(ServerFactory factory)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/documents");
        request.Headers.Add("Origin", "https://app.example.test");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        return await client.SendAsync(request);
    }
}
