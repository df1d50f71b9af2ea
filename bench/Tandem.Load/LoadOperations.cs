using System.Net.Http.Json;
using System.Text.Json;

namespace Tandem.Load;

/// <summary>The requests the benchmark mixes; each returns null on success or what went wrong.</summary>
internal sealed class LoadOperations(HttpClient http, IReadOnlyList<string> documentIds)
{
    public static readonly string[] Names = ["search", "hybrid", "chat", "review"];

    private static readonly string[] Queries =
    [
        "limitation of liability", "termination for convenience", "governing law", "confidential information",
        "indemnify and hold harmless", "assignment without consent", "audit rights", "insurance coverage",
        "warranty period", "exclusive distributor", "non-solicitation of employees", "liquidated damages",
        "change of control", "most favored customer", "price increase notice", "return or destroy",
        "intellectual property ownership", "source code escrow", "minimum purchase commitment", "renewal term",
    ];

    public async Task<string?> RunAsync(string name, int n, CancellationToken cancellationToken)
    {
        var query = Queries[n % Queries.Length];
        using var response = name switch
        {
            "search" => await http.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&k=10&mode=bm25", cancellationToken),
            "hybrid" => await http.GetAsync($"/api/search?q={Uri.EscapeDataString(query)}&k=10&mode=hybrid", cancellationToken),
            "chat" => await http.PostAsJsonAsync("/v1/chat/completions", new
            {
                model = "tandem-retrieval",
                messages = new[] { new { role = "user", content = $"What do the contracts say about {query}?" } },
            }, cancellationToken),
            "review" => await http.PostAsJsonAsync("/api/reviews", new { documentId = documentIds[n % documentIds.Count] }, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        if (response.IsSuccessStatusCode)
        {
            await response.Content.ReadAsByteArrayAsync(cancellationToken); // the whole answer, as a client would read it
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}";
    }

    /// <summary>The ids and clause count of the documents the key may read.</summary>
    public static async Task<(List<string> Ids, int Clauses)> DocumentsAsync(HttpClient http)
    {
        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/documents"));
        var ids = new List<string>();
        var clauses = 0;
        foreach (var d in list.RootElement.EnumerateArray())
        {
            ids.Add(d.GetProperty("documentId").GetString()!);
            clauses += d.GetProperty("clauseCount").GetInt32();
        }

        return (ids, clauses);
    }
}
