using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tandem.Access;
using Tandem.Retrieval;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// The in-memory server on PostgreSQL (a fresh database per test on the server TANDEM_TEST_POSTGRES
/// names; test.sh starts one): what used to work on SQLite only, dense search over vectors the
/// background pass stores in PostgreSQL and chat completions with a configured model. Without the
/// variable the tests skip, except with CI=true, where they fail.
/// </summary>
public sealed class PostgresServerTests : IAsyncLifetime
{
    private static readonly Principal Alice = new("alice");

    private readonly ThrowawayDatabase _database = new("tandem_server_");

    public async ValueTask InitializeAsync() => await _database.CreateAsync();

    [Fact]
    public async Task Search_DenseAndHybridOnPostgres_FindAClauseByMeaningAfterTheBackgroundPass()
    {
        using var factory = Server();
        using var client = await factory.ClientForAsync(Alice.UserId);
        using var upload = await client.PostAsync("/api/documents", Contracts.Upload(null, ("supply.txt", Contracts.Supply)));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var index = factory.Services.GetRequiredService<RetrievalIndex>();

        // Nobody embeds for this test: the server's background pass has to, into PostgreSQL.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement dense;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            dense = await HitsAsync(client, "dense");
        }
        while (dense.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        // The liability clause holds no word of "cap on damages": keyword search cannot find it, meaning does.
        Assert.DoesNotContain((await HitsAsync(client, "bm25")).EnumerateArray(), h => h.GetProperty("text").GetString()!.Contains("liability", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("liability", dense[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("liability", (await HitsAsync(client, "hybrid"))[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(index.LiveItems, index.EmbeddedItems);
        Assert.Equal(index.LiveItems, await _database.CountAsync("SELECT count(*) FROM clause_vectors"));
    }

    [Fact]
    public async Task ChatCompletions_ConfiguredModelOnPostgres_AnswersAndMetersTheCallInTheStoresLedger()
    {
        using var provider = new FakeModelServer { ReplyText = "The liability is limited to the fees [1]." };
        var keyVariable = "TANDEM_TEST_PG_CHAT_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, "sk-pg-test");
        try
        {
            using var factory = Server(new()
            {
                ["Tandem:Models:base:Provider"] = "openai",
                ["Tandem:Models:base:Model"] = "gpt-4.1-mini-2025-04-14",
                ["Tandem:Models:base:BaseUrl"] = provider.BaseUrl.ToString(),
                ["Tandem:Models:base:ApiKeyVariable"] = keyVariable,
            });
            using var client = await factory.ClientForAsync(Alice.UserId);
            using var upload = await client.PostAsync("/api/documents", Contracts.Upload(null, ("supply.txt", Contracts.Supply)));
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

            using var chat = await client.PostAsJsonAsync("/v1/chat/completions",
                new { model = "base", messages = new[] { new { role = "user", content = "What limits either party's liability?" } } }, TestContext.Current.CancellationToken);

            Assert.True(chat.StatusCode == HttpStatusCode.OK, await chat.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Contains(provider.Requests, r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal));
            Assert.True(await _database.CountAsync("SELECT count(*) FROM usage_ledger") >= 1, "the call was not metered in PostgreSQL's ledger");
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
        }
    }

    [Fact]
    public async Task WebSignIn_TwoNodesOnOneDatabase_ShareTheKeyRing()
    {
        using var nodeA = Server();
        using var nodeB = Server();
        using var clientA = nodeA.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var clientB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var key = await nodeA.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });

        // Node A's sign-in form (antiforgery cookie and token) is posted to node B; B's sign-in cookie opens the app on A.
        using var form = await clientA.GetAsync("/app/sign-in", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/app/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key.Secret, ["__RequestVerificationToken"] = token }),
        };
        signIn.Headers.Add("Cookie", CookieOf(form, ".AspNetCore.Antiforgery."));
        using var signedIn = await clientB.SendAsync(signIn, TestContext.Current.CancellationToken);
        using var app = new HttpRequestMessage(HttpMethod.Get, "/app");
        app.Headers.Add("Cookie", CookieOf(signedIn, "tandem_web="));
        using var opened = await clientA.SendAsync(app, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(">alice</span>", await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(await _database.CountAsync("SELECT count(*) FROM protection_keys") >= 1, "the key ring is not in PostgreSQL");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>The <c>name=value</c> of the cookie whose name starts with <paramref name="name"/> in a response's Set-Cookie headers.</summary>
    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name, StringComparison.Ordinal)).Split(';')[0];

    private static async Task<JsonElement> HitsAsync(HttpClient client, string mode) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/search?q=cap%20on%20damages&mode={mode}&k=3", TestContext.Current.CancellationToken)).GetProperty("hits");

    /// <summary>The server on this test's PostgreSQL database; skips (outside CI) when there is none.</summary>
    private ServerFactory Server(Dictionary<string, string?>? settings = null)
    {
        _database.SkipWithoutServer();
        settings ??= [];
        settings["Tandem:Store"] = "postgres";
        settings["Tandem:Postgres:ConnectionString"] = _database.ConnectionString;
        return new ServerFactory(settings);
    }
}
