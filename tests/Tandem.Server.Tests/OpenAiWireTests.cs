using System.Net;
using System.Text;
using System.Text.Json;
using Tandem.Access;

namespace Tandem.Server.Tests;

/// <summary>The /v1 wire format read as raw HTTP: OpenAI's SSE framing and its error shape.</summary>
public sealed class OpenAiWireTests
{
    private static readonly Principal Alice = new("alice");

    [Fact]
    public async Task ChatStream_IsOpenAisServerSentEvents()
    {
        await using var server = new KestrelServer();
        await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        using var client = server.ClientFor(Alice);

        using var response = await client.PostAsync("/v1/chat/completions", Json(
            """{"model":"tandem-retrieval","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":[{"type":"text","text":"What notice ends the agreement?"}]}]}"""));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
    }

    [Theory]
    [InlineData("""{"model":"nope","messages":[{"role":"user","content":"hi there"}]}""", 404, "model_not_found")]
    [InlineData("""{"model":"tandem-retrieval","messages":[]}""", 400, "messages is missing or empty")]
    [InlineData("""{"model":"tandem-retrieval","messages":[{"role":"system","content":"be brief"}]}""", 400, "no message with role 'user'")]
    [InlineData("""{"model":"tandem-retrieval","n":3,"messages":[{"role":"user","content":"hi there"}]}""", 400, "n must be 1")]
    [InlineData("""{"model":"tandem-retrieval",""", 400, "not valid JSON")]
    public async Task ChatCompletions_BadRequest_AnswersInOpenAisErrorShape(string body, int status, string expected)
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(Alice);

        using var response = await client.PostAsync("/v1/chat/completions", Json(body));

        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains(expected, error.GetProperty("message").GetString() + " " + error.GetProperty("code"), StringComparison.Ordinal);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"model":"all-MiniLM-L6-v2","input":[1,2,3]}""", "token arrays are not supported")]
    [InlineData("""{"model":"all-MiniLM-L6-v2","input":""}""", "non-empty strings")]
    [InlineData("""{"model":"all-MiniLM-L6-v2","input":"x","encoding_format":"int8"}""", "encoding_format 'int8'")]
    [InlineData("""{"model":"text-embedding-3-small","input":"x"}""", "the embedding model is 'all-MiniLM-L6-v2'")]
    public async Task Embeddings_BadRequest_AnswersInOpenAisErrorShape(string body, string expected)
    {
        await using var server = new KestrelServer();
        await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        using var client = server.ClientFor(Alice);

        using var response = await client.PostAsync("/v1/embeddings", Json(body));

        Assert.False(response.IsSuccessStatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains(expected, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_NoKey_AnswersUnauthorizedInOpenAisErrorShape()
    {
        await using var server = new KestrelServer();
        using var client = server.ClientFor(null);

        using var response = await client.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
