using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;

namespace Tandem.Server.Tests;

public sealed class KeysApiTests
{
    [Fact]
    public async Task Admin_CreatesListsAndRevokesAKey_TheKeyWorksUntilRevoked()
    {
        await using var factory = new ServerFactory();
        using var admin = await factory.ClientForAsync("root", "admin");

        using var created = await admin.PostAsJsonAsync("/api/keys", new KeyRequest("dana", ["legal"], Expires: "30d"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var keyId = body.GetProperty("key").GetProperty("keyId").GetString()!;
        using var dana = factory.ClientWith(secret);
        Assert.Equal(HttpStatusCode.OK, (await dana.GetAsync("/api/documents")).StatusCode);

        var list = await admin.GetStringAsync("/api/keys");
        Assert.Contains(keyId, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[^64..], list, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dana.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/keys/0123456789abcdef")).StatusCode);
    }

    [Fact]
    public async Task NonAdmin_EveryKeysEndpoint_403ProblemDetails()
    {
        await using var factory = new ServerFactory();
        using var alice = await factory.ClientForAsync("alice", "legal", "reviewer");
        var other = await factory.Keys.CreateAsync(new Access.ApiKeyRequest { UserId = "bob" });

        var answers = new[]
        {
            await alice.PostAsJsonAsync("/api/keys", new KeyRequest("alice", Admin: true)),
            await alice.GetAsync("/api/keys"),
            await alice.DeleteAsync($"/api/keys/{other.Key.KeyId}"),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType));
        Assert.Single(await factory.Keys.ListAsync(), k => k.RevokedAt is null && k.UserId == "bob");
        Assert.Equal(2, (await factory.Keys.ListAsync()).Count);
    }

    [Fact]
    public async Task Create_BadLifetime_400WithTheCliLine()
    {
        await using var factory = new ServerFactory();
        using var admin = await factory.ClientForAsync("root", "admin");

        using var response = await admin.PostAsJsonAsync("/api/keys", new KeyRequest("dana", Expires: "forever"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("invalid key lifetime 'forever'; ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
