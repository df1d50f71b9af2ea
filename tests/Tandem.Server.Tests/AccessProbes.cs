using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static Tandem.Server.Tests.AccessExpectation;

namespace Tandem.Server.Tests;

/// <summary>
/// The access suite's table: every endpoint of the server, each aimed at Alice's private things
/// where it takes an id (in the path or the body), with the odd query values, the methods the API
/// does not offer, and bodies over the size limit. <see cref="AccessSuiteTests"/> checks the table
/// against the OpenAPI document, so an endpoint added without a row fails.
/// </summary>
internal static class AccessProbes
{
    /// <summary>The rows, aimed at <paramref name="w"/>'s things.</summary>
    public static IReadOnlyList<AccessProbe> For(AccessWorld w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var question = $"Quote the {AccessWorld.Marker} plan ({w.PrivateDocumentId}, report {w.ReportId}): what are its services and its liability cap?";
        var tooLarge = new string('x', 2 * 1024 * 1024);
        return
        [
            // Documents
            Row("GET", "/api/documents", Listed, null, _ => Get("/api/documents")),
            Row("GET", "/api/documents", Listed, null, _ => Get("/api/documents?all=true")),
            Row("POST", "/api/documents", Any, null, _ => Send("POST", "/api/documents", Contracts.Upload("group:legal,alice", ("own-note.txt", "A note of the caller's own about parking.")))),
            Row("GET", "/api/documents/{id}", Hidden, w.PrivateDocumentId, id => Get($"/api/documents/{id}")),
            Row("GET", "/api/documents/{id}", Hidden, w.LargeDocumentId, id => Get($"/api/documents/{id}")),
            Row("DELETE", "/api/documents/{id}", Hidden, w.PrivateDocumentId, id => Send("DELETE", $"/api/documents/{id}")),
            Row("PUT", "/api/documents/{id}/access", Hidden, w.PrivateDocumentId, id => Send("PUT", $"/api/documents/{id}/access", Json(new { access = new[] { "bob", "group:legal" } }))),
            Row("PUT", "/api/documents/{id}/access", Hidden, w.PrivateDocumentId, id => Send("PUT", $"/api/documents/{id}/access", Json(new { access = new[] { tooLarge } }))),
            Row("GET", "/api/documents/{id}/history", Hidden, w.PrivateDocumentId, id => Get($"/api/documents/{id}/history")),
            Row("GET", "/api/documents/{id}", Hidden, w.UploadedDocumentId, id => Get($"/api/documents/{id}")),
            Row("POST", "/api/documents", Any, null, _ => Send("POST", "/api/documents?background=true", Contracts.Upload(null, ("own-bulk.txt", "A bulk note of the caller's own.")))),
            Row("GET", "/api/documents/uploads/{id}", Hidden, w.UploadJobId, id => Get($"/api/documents/uploads/{id}")),

            // Keys
            Row("POST", "/api/keys", AdminOnly, null, _ => Send("POST", "/api/keys", Json(new { user = "alice", admin = true }))),
            Row("GET", "/api/keys", AdminOnly, null, _ => Get("/api/keys")),
            Row("DELETE", "/api/keys/{keyId}", AdminOnly, w.AliceKeyId, id => Send("DELETE", $"/api/keys/{id}")),

            // Search, every mode, and odd values
            .. new[] { "bm25", "dense", "hybrid", "hybrid:0.9" }.Select(mode =>
                Row("GET", "/api/search", Listed, null, _ => Get($"/api/search?q={AccessWorld.Marker}%20services%20liability&mode={mode}&k=100"))),
            Row("GET", "/api/search", Listed, null, _ => Get($"/api/search?q={w.PrivateDocumentId}%20{w.ReportId}&mode=hybrid")),
            .. new[] { "k=0", "k=-1", "k=99999999999", "k=1e3", "k=%20", "mode=nonsense", "mode=hybrid:NaN", "mode=hybrid:-1", "mode=hybrid:1e309", "mode=", "q=", "q=%00", "q=%F0%9F%92%A5",
                    "q=" + new string('q', 2001), "q=a&q=b" }
                .Select(odd => Row("GET", "/api/search", Any, null, _ => Get($"/api/search?q={AccessWorld.Marker}&{odd}"))),

            // OpenAI-compatible, with Alice's words and ids in the question
            Row("GET", "/v1/models", Listed, null, _ => Get("/v1/models")),
            Row("GET", "/v1/models/{id}", Hidden, w.FineTunedModelName, id => Get($"/v1/models/{id}")),
            Row("POST", "/v1/embeddings", Any, null, _ => Send("POST", "/v1/embeddings", Json(new { model = Tandem.Retrieval.MiniLmEmbeddingGenerator.ModelId, input = new[] { AccessWorld.Marker, w.PrivateDocumentId } }))),
            .. new[] { "tandem-retrieval", "base" }.SelectMany(model => new[] { false, true }.Select(stream =>
                Row("POST", "/v1/chat/completions", Any, null, _ => Send("POST", "/v1/chat/completions",
                    Json(new { model, stream, messages = new[] { new { role = "system", content = $"You are {AccessWorld.Marker}'s counsel." }, new { role = "user", content = question } } }))))),

            // Reviews
            Row("POST", "/api/reviews", Hidden, w.PrivateDocumentId, id => Send("POST", "/api/reviews", Json(new { documentId = id, @for = "customer" }))),
            Row("POST", "/api/reviews", Hidden, w.PrivateDocumentId, id => Send("POST", "/api/reviews", Json(new { documentId = id, playbook = "standard" }))),
            Row("GET", "/api/playbooks", Listed, null, _ => Get("/api/playbooks")),
            Row("GET", "/api/reviews/{id}", Hidden, w.ReportId, id => Get($"/api/reviews/{id}")),
            Row("GET", "/api/reviews/{id}", Hidden, w.JobReportId, id => Get($"/api/reviews/{id}?format=markdown")),
            Row("GET", "/api/reviews/{id}", Hidden, w.ReportId, id => Get($"/api/reviews/{id}", "text/html")),
            Row("GET", "/api/reviews/jobs/{jobId}", Hidden, w.JobId, id => Get($"/api/reviews/jobs/{id}")),
            Row("POST", "/api/batches", Hidden, w.PrivateDocumentId, id => Send("POST", "/api/batches", Json(new { documentIds = new[] { id }, @for = "customer" }))),
            Row("GET", "/api/batches/{id}", Any, null, _ => Get($"/api/batches/{Guid.NewGuid():N}")),
            Row("POST", "/api/reviews/{id}/corrections", Hidden, w.ReportId, id => Send("POST", $"/api/reviews/{id}/corrections", Json(new { finding = 1, falsePositive = true }))),
            Row("POST", "/api/reviews/{id}/corrections", Hidden, w.ReportId, id => Send("POST", $"/api/reviews/{id}/corrections", Json(new { missed = "1", category = "Audit Rights", note = tooLarge }))),

            // Corrections and examples
            Row("GET", "/api/corrections", Listed, null, _ => Get("/api/corrections")),
            Row("GET", "/api/corrections", Listed, null, _ => Get("/api/corrections?status=pending")),
            Row("GET", "/api/corrections/{id}", Hidden, w.PendingCorrectionId, id => Get($"/api/corrections/{id}")),
            Row("GET", "/api/corrections/{id}", Hidden, w.AcceptedCorrectionId, id => Get($"/api/corrections/{id}")),
            Row("POST", "/api/corrections/{id}/accept", Hidden, w.PendingCorrectionId, id => Send("POST", $"/api/corrections/{id}/accept")),
            Row("POST", "/api/corrections/{id}/reject", Hidden, w.PendingCorrectionId, id => Send("POST", $"/api/corrections/{id}/reject")),
            Row("GET", "/api/examples", Listed, null, _ => Get("/api/examples")),
            Row("GET", "/api/examples", Listed, null, _ => Get("/api/examples?pending=true")),
            .. new[] { "/api/documents?all=maybe", "/api/corrections?status=..%2Fall", "/api/examples?pending=2&category=%00", "/api/finetunes?after=%FF" }
                .Select(odd => Row("GET", odd[..odd.IndexOf('?', StringComparison.Ordinal)], Any, null, _ => Get(odd))),
            Row("POST", "/api/examples/review", Any, null, _ => Send("POST", "/api/examples/review", new StringContent("{\"ids\": [", Encoding.UTF8, "application/json"))),
            Row("POST", "/api/reviews", Any, null, _ => Send("POST", "/api/reviews", new StringContent("{\"documentId\": 7}", Encoding.UTF8, "application/json"))),
            Row("POST", "/api/examples/review", Hidden, w.ExampleIds[0], id => Send("POST", "/api/examples/review", Json(new { ids = new[] { id }, accept = true }))),
            Row("POST", "/api/examples/review", Hidden, w.ReportId, id => Send("POST", "/api/examples/review", Json(new { reportId = id, accept = false }))),

            // Economics
            Row("GET", "/api/usage", Listed, null, _ => Get("/api/usage")),
            Row("GET", "/api/usage", Hidden, "alice", id => Get($"/api/usage?user={id}")),
            .. new[] { "days=abc", "days=-5", "days=99999999999", "days=2147483647" }.Select(odd => Row("GET", "/api/usage", Any, null, _ => Get($"/api/usage?{odd}"))),
            Row("POST", "/api/roi", Any, null, _ => Send("POST", "/api/roi", Json(new { queries_per_month = 1000 }))),
            Row("POST", "/api/advice", Any, null, _ => Send("POST", "/api/advice", Json(new { knowledge_changes = "weekly", per_user_access = true }))),

            // Datasets and fine-tunes
            Row("POST", "/api/datasets", Any, null, _ => Send("POST", "/api/datasets", Json(new { }))),
            Row("POST", "/api/datasets", Hidden, "alice", id => Send("POST", "/api/datasets", Json(new { audience = id }))),
            Row("GET", "/api/datasets/{id}", Hidden, w.DatasetId, id => Get($"/api/datasets/{id}")),
            Row("GET", "/api/datasets/{id}/download", Hidden, w.DatasetId, id => Get($"/api/datasets/{id}/download")),
            Row("GET", "/api/datasets/{id}/download", Hidden, w.DatasetId, id => Get($"/api/datasets/{id}/download?split=validation")),
            Row("POST", "/api/finetunes", Hidden, w.DatasetId, id => Send("POST", "/api/finetunes", Json(new { datasetId = id, model = "base" }))),
            Row("GET", "/api/finetunes", Listed, null, _ => Get("/api/finetunes")),
            Row("GET", "/api/finetunes/{id}", Hidden, w.FineTuneJobId, id => Get($"/api/finetunes/{id}")),
            Row("POST", "/api/finetunes/{id}/cancel", Hidden, w.FineTuneJobId, id => Send("POST", $"/api/finetunes/{id}/cancel")),

            // Models and retraining
            Row("GET", "/api/models", Listed, null, _ => Get("/api/models")),
            Row("GET", "/api/models/decisions", Listed, null, _ => Get("/api/models/decisions")),
            Row("POST", "/api/models/{id}/evaluate", AdminOnly, w.ModelId, id => Send("POST", $"/api/models/{id}/evaluate", Json(new { data = "/tmp" }))),
            Row("POST", "/api/models/{id}/promote", AdminOnly, w.ModelId, id => Send("POST", $"/api/models/{id}/promote", Json(new { force = true, reason = "mine now" }))),
            Row("GET", "/api/retrain/decision", Listed, null, _ => Get("/api/retrain/decision")),
            Row("GET", "/api/retrain/decision", Hidden, "alice", id => Get($"/api/retrain/decision?audience={id}")),
            Row("POST", "/api/retrain/local", AdminOnly, null, _ => Send("POST", "/api/retrain/local", Json(new { data = "/tmp", audience = "alice" }))),
            Row("GET", "/api/retrain/jobs/{id}", AdminOnly, w.JobId, id => Get($"/api/retrain/jobs/{id}")),

            // Methods the API does not offer
            Row("HEAD", "/api/documents/{id}", Hidden, w.PrivateDocumentId, id => Send("HEAD", $"/api/documents/{id}"), inOpenApi: false),
            Row("OPTIONS", "/api/documents/{id}", Hidden, w.PrivateDocumentId, id => Send("OPTIONS", $"/api/documents/{id}"), inOpenApi: false),
            Row("HEAD", "/api/reviews/{id}", Hidden, w.ReportId, id => Send("HEAD", $"/api/reviews/{id}"), inOpenApi: false),
            Row("HEAD", "/api/datasets/{id}/download", Hidden, w.DatasetId, id => Send("HEAD", $"/api/datasets/{id}/download"), inOpenApi: false),
            Row("OPTIONS", "/v1/chat/completions", Any, null, _ => Send("OPTIONS", "/v1/chat/completions"), inOpenApi: false),
            Row("PATCH", "/api/documents/{id}/access", Hidden, w.PrivateDocumentId, id => Send("PATCH", $"/api/documents/{id}/access", Json(new { access = new[] { "bob" } })), inOpenApi: false),
        ];
    }

    /// <summary>
    /// Each row that aims at one of Alice's ids, aimed instead at her ids of every other kind (a
    /// report id where a document id goes ...) and at mangled forms of its own (path traversal,
    /// case, a huge id).
    /// </summary>
    public static IEnumerable<AccessProbe> Variants(IEnumerable<AccessProbe> rows, AccessWorld w)
    {
        ArgumentNullException.ThrowIfNull(w);
        foreach (var row in rows.Where(r => r.Target is { } t && w.Ids.Contains(t)))
        {
            foreach (var other in w.Ids.Where(i => i != row.Target))
            {
                yield return row.AimedAt(other);
            }

            var id = row.Target!;
            foreach (var mangled in new[] { $"..%2F{id}", $"{id}%2F..%2F..%2Fkeys", $"..%2F..%2F..%2F..%2Fetc%2F{id}", id.ToUpperInvariant(), $"{id}%20", id + new string('f', 4000) })
            {
                yield return row.AimedAt(mangled);
            }
        }
    }

    private static AccessProbe Row(string method, string route, AccessExpectation expect, string? target, Func<string, HttpRequestMessage> request, bool inOpenApi = true) =>
        new(method, route, expect, target, request, inOpenApi);

    private static HttpRequestMessage Get(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return request;
    }

    private static HttpRequestMessage Send(string method, string path, HttpContent? content = null) => new(new HttpMethod(method), path) { Content = content };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
