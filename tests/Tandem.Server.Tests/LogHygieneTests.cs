using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Server.Apis;

namespace Tandem.Server.Tests;

/// <summary>Whatever the server logs, at every level, holds no document text, file name or key.</summary>
public sealed class LogHygieneTests
{
    private const string Marker = "quixoticmarmot";

    [Fact]
    public async Task Logs_AtTraceLevel_HoldNoDocumentTextFileNameOrKey()
    {
        var capture = new CapturingLoggerProvider();
        await using var factory = new ServerFactory(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)));
        using var admin = await factory.ClientForAsync("root", "admin");
        var adminKey = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        using var created = await admin.PostAsJsonAsync("/api/keys", new KeyRequest("alice", []));
        var aliceKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        using var alice = factory.ClientWith(aliceKey);
        using var bob = await factory.ClientForAsync("bob");
        using var forged = factory.ClientWith(aliceKey[..^4] + "0000");

        using var upload = Contracts.Upload(null, ($"{Marker}-deal.txt", Contracts.Text(Marker)));
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync("/api/documents", upload)).StatusCode);
        Assert.Contains(Marker, await alice.GetStringAsync($"/api/search?q={Marker}&mode=bm25"), StringComparison.OrdinalIgnoreCase);
        await bob.GetAsync($"/api/search?q={Marker}&mode=hybrid");
        await alice.PostAsJsonAsync("/v1/chat/completions", new { model = "tandem-retrieval", messages = new[] { new { role = "user", content = $"What are the {Marker} services?" } } });
        await forged.GetAsync("/api/documents");
        using var bad = Contracts.Upload(null, ($"{Marker}-broken.pdf", $"%PDF-1.7 {Marker} not really a pdf"));
        await alice.PostAsync("/api/documents", bad);

        Assert.NotEmpty(capture.Lines);
        foreach (var secret in new[] { Marker, adminKey, aliceKey, aliceKey[^64..], adminKey[^64..] })
        {
            Assert.DoesNotContain(capture.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
