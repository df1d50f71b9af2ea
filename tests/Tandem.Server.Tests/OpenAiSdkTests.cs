using System.ClientModel;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using Tandem.Access;

namespace Tandem.Server.Tests;

/// <summary>The official OpenAI .NET SDK against the server on a real port.</summary>
public sealed class OpenAiSdkTests
{
    private static readonly Principal Alice = new("alice");

    [Fact]
    public async Task Sdk_ModelsChatStreamingAndEmbeddings_AllWork()
    {
        await using var server = new KestrelServer();
        var stored = await server.IngestAsync("supply.txt", Contracts.Supply, Alice);
        var client = new OpenAIClient(new ApiKeyCredential(server.KeyFor(Alice)), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "/v1") });

        var models = (await client.GetOpenAIModelClient().GetModelsAsync()).Value.Select(m => m.Id).ToList();
        Assert.Contains("tandem-retrieval", models);
        Assert.Contains("all-MiniLM-L6-v2", models);

        var chat = client.GetChatClient("tandem-retrieval");
        var completion = await chat.CompleteChatAsync([new UserChatMessage("Who may terminate the agreement, and on what notice?")]);
        var text = completion.Value.Content[0].Text;
        Assert.Contains("ninety days' written notice", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, completion.Value.FinishReason);
        var citations = JsonDocument.Parse(completion.GetRawResponse().Content).RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("citations");
        Assert.Equal(stored.DocumentId, citations[0].GetProperty("document_id").GetString());
        Assert.Equal(1, citations[0].GetProperty("number").GetInt32());

        var streamed = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("Who may terminate the agreement, and on what notice?")]))
        {
            streamed.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            finish ??= update.FinishReason;
        }

        Assert.Equal(text, streamed.ToString().TrimEnd());
        Assert.Equal(ChatFinishReason.Stop, finish);

        // The SDK asks for base64 by default; the floats must survive the round trip.
        var embeddings = (await client.GetEmbeddingClient("all-MiniLM-L6-v2").GenerateEmbeddingsAsync(["either party terminate", "either party liability"])).Value;
        Assert.Equal(2, embeddings.Count);
        var vector = embeddings[0].ToFloats().ToArray();
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
        using var http = server.ClientFor(Alice);
        using var floats = await http.PostAsync("/v1/embeddings", new StringContent(
            """{"model":"all-MiniLM-L6-v2","input":"either party terminate","encoding_format":"float"}""", System.Text.Encoding.UTF8, "application/json"));
        var expected = JsonDocument.Parse(await floats.Content.ReadAsStringAsync()).RootElement.GetProperty("data")[0].GetProperty("embedding")
            .EnumerateArray().Select(e => e.GetSingle()).ToArray();
        Assert.Equal(expected, vector);
    }

    [Fact]
    public async Task Sdk_UnknownModel_RaisesTheServersOpenAiError()
    {
        await using var server = new KestrelServer();
        var client = new OpenAIClient(new ApiKeyCredential(server.KeyFor(Alice)), new OpenAIClientOptions { Endpoint = new Uri(server.BaseAddress, "/v1") });

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.GetChatClient("gpt-9").CompleteChatAsync([new UserChatMessage("hello there")]));

        Assert.Equal(404, error.Status);
        Assert.Contains("model_not_found", error.Message, StringComparison.Ordinal);
    }
}
