using Tandem.Access;
using Tandem.Postgres.Tests.Support;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IApiKeyStore"/>: keys stored hashed, verified, expired and revoked, on every backend.</summary>
public abstract class ApiKeyStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Verify_CreatedKey_ItsPrincipalAndOnlyWithTheRightSecret()
    {
        var created = await Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Groups = ["legal"], Admin = true });

        var key = await Store.Keys.VerifyAsync(created.Secret);

        Assert.NotNull(key);
        Assert.Equal(("alice", created.Key.KeyId), (key.UserId, key.KeyId));
        Assert.Equal(["admin", "legal"], key.Groups.Order(StringComparer.Ordinal));
        Assert.NotNull(key.LastUsedAt);
        Assert.Null(await Store.Keys.VerifyAsync(created.Secret[..^2] + (created.Secret[^2..] == "aa" ? "bb" : "aa")));
        Assert.Null(await Store.Keys.VerifyAsync("not a key"));
    }

    [Fact]
    public async Task Verify_ExpiredOrRevokedKey_Null()
    {
        var shortLived = await Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "bob", Lifetime = TimeSpan.FromDays(1) });
        var revoked = await Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "carol" });

        Assert.True(await Store.Keys.RevokeAsync(revoked.Key.KeyId));
        Assert.False(await Store.Keys.RevokeAsync("0000000000000000"));
        Assert.NotNull(await Store.Keys.VerifyAsync(shortLived.Secret));
        Clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await Store.Keys.VerifyAsync(shortLived.Secret));
        Assert.Null(await Store.Keys.VerifyAsync(revoked.Secret));
    }

    [Fact]
    public async Task List_Keys_NewestFirstWithRevocationAndBadGroupsRefused()
    {
        var first = await Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "bob", Groups = ["legal"] });
        await Store.Keys.RevokeAsync(first.Key.KeyId);

        var keys = await Store.Keys.ListAsync();

        Assert.Equal([second.Key.KeyId, first.Key.KeyId], keys.Select(k => k.KeyId));
        Assert.NotNull(keys[1].RevokedAt);
        Assert.Equal(["legal"], keys[0].Groups);
        await Assert.ThrowsAsync<TandemException>(() => Store.Keys.CreateAsync(new ApiKeyRequest { UserId = "eve", Groups = ["a b"] }));
        Assert.Equal(2, (await Store.Keys.ListAsync()).Count);
    }
}
