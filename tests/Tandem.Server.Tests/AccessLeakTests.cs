using System.Net;
using System.Text;
using System.Text.Json;
using Tandem.Access;

namespace Tandem.Server.Tests;

/// <summary>User B asks for user A's private marker word through every endpoint of this branch; nothing of A's document may come back.</summary>
public sealed class AccessLeakTests
{
    private const string Marker = "xylophonist";
    private static readonly Principal Alice = new("alice");
    private static readonly Principal Bob = new("bob");

    [Fact]
    public async Task OtherUsersPrivateDocument_NeverSurfacesInSearchChatOrEmbeddings()
    {
        await using var server = new KestrelServer();
        var secret = await server.IngestAsync($"{Marker}-plan.txt", Contracts.Secret(Marker), Alice);
        await server.IngestAsync("alice-supply.txt", Contracts.Supply, Alice);
        await server.IngestAsync("bob-supply.txt", Contracts.Supply, Bob);
        using var alice = server.ClientFor(Alice);
        using var bob = server.ClientFor(Bob);
        string[] forbidden = [Marker, secret.DocumentId, secret.Title, $"{Marker}-plan"];

        // The control: Alice finds her own text, so the words are findable.
        Assert.Contains(Marker, await GetAsync(alice, $"/api/search?q={Marker}%20liability&mode=hybrid"), StringComparison.OrdinalIgnoreCase);

        var responses = new List<string>();
        foreach (var mode in new[] { "bm25", "dense", "hybrid" })
        {
            // The response echoes Bob's own query; what must hold nothing of Alice's is the hits.
            var search = JsonDocument.Parse(await GetAsync(bob, $"/api/search?q={Marker}%20liability%20fees&mode={mode}&k=100")).RootElement;
            responses.Add(search.GetProperty("hits").GetRawText());
        }

        var question = $"What does the {Marker} agreement say about {Marker} liability and fees?";
        responses.Add(await PostAsync(bob, "/v1/chat/completions", new { model = "tandem-retrieval", messages = new[] { new { role = "user", content = question } } }));
        responses.Add(await PostAsync(bob, "/v1/chat/completions", new { model = "tandem-retrieval", stream = true, messages = new[] { new { role = "user", content = question } } }));
        var embedding = await PostAsync(bob, "/v1/embeddings", new { model = "all-MiniLM-L6-v2", input = Marker, encoding_format = "float" });
        responses.Add(embedding);

        foreach (var response in responses)
        {
            foreach (var word in forbidden)
            {
                Assert.DoesNotContain(word, response, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The embedding is pretrained: a text's vector is the same whoever asks, so it cannot carry anyone's documents.
        var aliceEmbedding = await PostAsync(alice, "/v1/embeddings", new { model = "all-MiniLM-L6-v2", input = Marker, encoding_format = "float" });
        Assert.Equal(Vector(aliceEmbedding), Vector(embedding));
        Assert.Equal(384, Vector(embedding).Length);
    }

    private static float[] Vector(string embeddingResponse) =>
        JsonDocument.Parse(embeddingResponse).RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle()).ToArray();

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }
}
