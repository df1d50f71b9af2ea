using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tandem.Server.Tests;

/// <summary>
/// The access suite over every endpoint (issue 13): for every endpoint and every caller who may
/// read nothing of Alice's, no text, id, file name or existence of her private things in any
/// response body, header or log line; a thing of hers answers exactly like a missing one; every
/// unauthorised write is refused and changes nothing; admin operations are 403 for the rest; and
/// whoever holds no valid credential gets the same 401 everywhere.
/// </summary>
public sealed partial class AccessSuiteTests(AccessWorld w) : IClassFixture<AccessWorld>
{
    private static readonly string[] OpenMethods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    [Fact]
    public async Task Table_CoversEveryOperationOfTheOpenApiDocument()
    {
        var document = await w.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var offered = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => OpenMethods.Contains(m.Name.ToUpperInvariant())).Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order().ToList();
        var tried = AccessProbes.For(w).Where(p => p.InOpenApi).Select(p => $"{p.Method} {p.Route}").Distinct().Order().ToList();

        Assert.Equal(45, offered.Count);
        Assert.Equal(offered, tried);
    }

    [Fact]
    public async Task EveryEndpoint_StrangersWithValidIdentities_LearnNothingAndChangeNothing()
    {
        var rows = AccessProbes.For(w);
        var before = await SnapshotAsync();
        var providerCalls = w.ProviderRequestCount;
        var cases = 0;
        foreach (var (name, client) in w.Strangers)
        {
            // Every stranger tries every row; two also try every row at each other kind of id and at mangled ids.
            var probes = name.StartsWith("bob", StringComparison.Ordinal) || name.StartsWith("carol", StringComparison.Ordinal) ? rows.Concat(AccessProbes.Variants(rows, w)) : rows;
            foreach (var probe in probes)
            {
                var answer = await SendCheckedAsync(name, client, probe);
                Assert.True(answer.Status < 500, $"{name}: {probe}: {answer.Status} {answer.Body}");
                switch (probe.Expect)
                {
                    case AccessExpectation.Listed:
                        Assert.True(answer.Status is >= 200 and < 300, $"{name}: {probe}: {answer.Status} {answer.Body}");
                        break;
                    case AccessExpectation.AdminOnly:
                        Assert.True(answer.Status == 403, $"{name}: {probe}: {answer.Status} {answer.Body}");
                        break;
                }

                if (probe.Missing is { } missing)
                {
                    var absent = await SendCheckedAsync(name, client, probe.AimedAt(missing));
                    Assert.True(answer.Normalised(probe.Target!) == absent.Normalised(missing),
                        $"{name}: {probe} answers unlike a missing one:\n{answer.Normalised(probe.Target!)}\n---\n{absent.Normalised(missing)}");
                }

                cases++;
            }
        }

        Assert.Equal(before, await SnapshotAsync());
        // What strangers asked a configured model carried nothing of Alice's.
        foreach (var call in w.ProviderRequestsSince(providerCalls))
        {
            Assert.DoesNotContain(AccessWorld.TextMarker, call, StringComparison.OrdinalIgnoreCase);
        }

        TestContext.Current.SendDiagnosticMessage($"access suite: {cases} (endpoint x identity) cases for {w.Strangers.Count} strangers");
    }

    [Fact]
    public async Task EveryEndpoint_CallersWithoutAValidCredential_GetTheSame401AndNothingElse()
    {
        var rows = AccessProbes.For(w);
        var before = await SnapshotAsync();
        var bodies = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (name, client) in w.Nobodies)
        {
            foreach (var probe in rows.Concat(AccessProbes.Variants(rows, w).Take(40)))
            {
                var answer = await SendCheckedAsync(name, client, probe);
                // A body over the size limit is refused before anyone is asked who they are, which tells nothing either.
                using var sent = probe.Request(probe.Target ?? string.Empty);
                var expected = sent.Content?.Headers.ContentLength > 1024 * 1024 ? 413 : 401;
                Assert.True(answer.Status == expected, $"{name}: {probe}: {answer.Status} {answer.Body}");
                // Answers differ only by what the caller accepts (problem+json, or text for one who accepts only HTML) and by the API's error shape (/v1 is OpenAI's).
                var family = $"{(probe.Route.StartsWith("/v1", StringComparison.Ordinal) ? "openai" : "api")} {expected} {sent.Headers.Accept}";
                if (probe.Method != "HEAD")
                {
                    (bodies.TryGetValue(family, out var seen) ? seen : bodies[family] = [])[answer.Normalised(probe.Target ?? string.Empty)] = $"{name}: {probe}";
                }
            }
        }

        Assert.All(bodies, b => Assert.True(b.Value.Count == 1, string.Join("\n---\n", b.Value.Select(a => $"{a.Value}:\n{a.Key}"))));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Controls_TheOwnerAndAnAdminReadWhatStrangersMayNot()
    {
        // Without this, a suite whose ids named nothing would pass: the same rows find Alice's things for her and for an admin.
        foreach (var probe in AccessProbes.For(w).Where(p => p is { Method: "GET", Expect: AccessExpectation.Hidden } && p.Route.StartsWith("/api", StringComparison.Ordinal)))
        {
            foreach (var (name, client) in new[] { ("alice", w.Alice), ("admin", w.Admin) })
            {
                using var request = probe.Request(probe.Target!);
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {probe}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Contains(w.SharedDocumentId, await w.Carol.GetStringAsync("/api/search?q=termination%20notice&mode=bm25"), StringComparison.Ordinal);
        Assert.Contains(w.SharedDocumentId, await w.Carol.GetStringAsync("/api/documents"), StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_WhileAliceReviewsCorrectsTrainsAndChats_HoldNoTextFileNameOrKey()
    {
        Assert.NotEmpty(w.AliceLog);
        foreach (var secret in new[] { AccessWorld.Marker, AccessWorld.TextMarker, w.AliceKey[^64..] })
        {
            Assert.DoesNotContain(w.AliceLog, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Upload_AStrangersFileNamedLikeAlices_IsHisOwnDocumentAndHersIsUntouched()
    {
        using var frank = await w.Factory.ClientForAsync("frank");
        var before = await SnapshotAsync();

        var ids = await AccessWorld.UploadAsync(frank, AccessWorld.FileNames[0], "Frank's own note about the car park.", "alice");

        Assert.DoesNotContain(ids, w.Ids.Contains);
        Assert.Equal(before, await SnapshotAsync());
        var hits = (await frank.GetFromJsonAsync<JsonElement>($"/api/search?q={AccessWorld.Marker}%20{AccessWorld.TextMarker}&mode=hybrid")).GetProperty("hits").GetRawText();
        Assert.DoesNotContain(AccessWorld.TextMarker, hits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dataset_AStrangersOwn_HoldsNothingOfAlicesExamples()
    {
        using var frank = await w.Factory.ClientForAsync("frank", "legal", "reviewer");

        using var built = await frank.PostAsJsonAsync("/api/datasets", new { });
        Assert.Equal(HttpStatusCode.Created, built.StatusCode);
        var details = await built.Content.ReadAsStringAsync();
        var id = JsonDocument.Parse(details).RootElement.GetProperty("id").GetString()!;
        var files = await frank.GetStringAsync($"/api/datasets/{id}/download") + await frank.GetStringAsync($"/api/datasets/{id}/download?split=validation");

        Assert.Contains("governing law", files, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in w.Forbidden)
        {
            Assert.DoesNotContain(secret, details + files, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task RetrainJob_AReviewJobsId_IsNoRetrainJobEvenForAnAdmin()
    {
        // An id of another kind names no retrain job: an admin may read the review job at its own URL, not as a retrain.
        await ProblemAssert.AssertAsync(await w.Admin.GetAsync($"/api/retrain/jobs/{w.JobId}"), HttpStatusCode.NotFound, Apis.RetrainApi.NotFoundDetail);
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.GetAsync($"/api/reviews/jobs/{w.JobId}")).StatusCode);
    }

    /// <summary>Sends the probe, and checks its answer and the log lines it caused for Alice's things its request did not itself carry.</summary>
    private async Task<Answer> SendCheckedAsync(string caller, HttpClient client, AccessProbe probe)
    {
        using var request = probe.Request(probe.Target ?? string.Empty);
        var carried = Uri.UnescapeDataString(request.RequestUri!.OriginalString) + "\n" + (request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync());
        w.Logs.Lines.Clear();
        using var response = await client.SendAsync(request);
        var answer = await Answer.ReadAsync(response);
        var logged = string.Join("\n", w.Logs.Lines);
        foreach (var secret in w.Forbidden.Where(f => !carried.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            Assert.False(answer.Body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{caller}: {probe}: the body shows '{secret}': {answer.Body}");
            Assert.False(answer.Headers.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{caller}: {probe}: a header shows '{secret}': {answer.Headers}");
            Assert.False(logged.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{caller}: {probe}: the log shows '{secret}'");
        }

        return answer;
    }

    /// <summary>Alice's things as an admin sees them: a stranger's request that changed any of them changed the store.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        string[] urls =
        [
            .. new[] { w.PrivateDocumentId, w.LargeDocumentId, w.SharedDocumentId }.SelectMany(d => new[] { $"/api/documents/{d}", $"/api/documents/{d}/history" }),
            $"/api/reviews/{w.ReportId}", $"/api/reviews/{w.JobReportId}", $"/api/reviews/jobs/{w.JobId}", $"/api/documents/uploads/{w.UploadJobId}", "/api/corrections", "/api/examples", "/api/keys", "/api/models",
            "/api/finetunes", $"/api/datasets/{w.DatasetId}", $"/api/datasets/{w.DatasetId}/download",
        ];
        var snapshot = new List<string>();
        foreach (var url in urls)
        {
            // When a key was last used is the one thing a stranger's request may change. A job's createdAt
            // jitters by microseconds from one read to the next (Hangfire.InMemory keeps monotonic time), so it is left out.
            var text = LastUsed().Replace(await w.Admin.GetStringAsync(url), string.Empty);
            snapshot.Add(url + " " + (url.Contains("/jobs/", StringComparison.Ordinal) ? CreatedAt().Replace(text, string.Empty) : text));
        }

        return snapshot;
    }

    [GeneratedRegex("\"lastUsedAt\":(null|\"[^\"]*\")")]
    private static partial Regex LastUsed();

    [GeneratedRegex("\"createdAt\":\"[^\"]*\"")]
    private static partial Regex CreatedAt();
}
