using Tandem.Access;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Access;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqliteApiKeyStore _keys;

    public ApiKeyStoreTests() => _keys = new SqliteApiKeyStore(new SqliteDatabase(_dir.File("tandem.db")), "admin", _time);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CreateAsync_NewKey_VerifiesAsItsUserAndGroups()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Groups = ["legal"], Admin = true, Lifetime = TimeSpan.FromDays(90) });

        var key = await _keys.VerifyAsync(created.Secret);

        Assert.NotNull(key);
        Assert.Equal("alice", key.UserId);
        Assert.Equal(["admin", "legal"], key.Groups);
        Assert.Equal(_time.Now.AddDays(90), key.ExpiresAt);
        Assert.Equal(_time.Now, key.LastUsedAt);
        Assert.Matches("^tdm_[0-9a-f]{16}_[0-9a-f]{64}$", created.Secret);
        Assert.Contains(created.Key.KeyId, created.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_StoresOnlyAHashOfTheSecret()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        var secret = created.Secret[(created.Secret.LastIndexOf('_') + 1)..];

        var file = Convert.ToHexStringLower(await File.ReadAllBytesAsync(_dir.File("tandem.db")))
            + Convert.ToHexStringLower(File.Exists(_dir.File("tandem.db-wal")) ? await ReadSharedAsync(_dir.File("tandem.db-wal")) : []);

        Assert.DoesNotContain(Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(secret)), file, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(ApiKeyToken.Hash(secret)), file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AfterExpiry_ReturnsNull()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Lifetime = TimeSpan.FromHours(1) });
        _time.Now = _time.Now.AddHours(1);

        Assert.Null(await _keys.VerifyAsync(created.Secret));
    }

    [Fact]
    public async Task VerifyAsync_Revoked_ReturnsNull()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });

        Assert.True(await _keys.RevokeAsync(created.Key.KeyId));

        Assert.Null(await _keys.VerifyAsync(created.Secret));
        Assert.Equal(_time.Now, Assert.Single(await _keys.ListAsync()).RevokedAt);
    }

    [Fact]
    public async Task VerifyAsync_ForgedSecretForARealKeyId_ReturnsNull()
    {
        var created = await _keys.CreateAsync(new ApiKeyRequest { UserId = "alice" });
        var forged = created.Secret[..^1] + (created.Secret[^1] == '0' ? '1' : '0');

        Assert.Null(await _keys.VerifyAsync(forged));
        Assert.Null(await _keys.VerifyAsync(created.Secret + "0"));
        Assert.Null(await _keys.VerifyAsync(created.Secret.ToUpperInvariant()));
        Assert.Null(await _keys.VerifyAsync("tdm_' OR 1=1 --"));
    }

    [Fact]
    public async Task RevokeAsync_UnknownOrMalformedId_ReturnsFalse()
    {
        Assert.False(await _keys.RevokeAsync("0123456789abcdef"));
        Assert.False(await _keys.RevokeAsync("' OR 1=1 --"));
    }

    [Theory]
    [InlineData("le gal")]
    [InlineData("group:legal")]
    [InlineData("")]
    public async Task CreateAsync_BadGroup_RefusedWithNothingStored(string group)
    {
        await Assert.ThrowsAsync<TandemException>(() => _keys.CreateAsync(new ApiKeyRequest { UserId = "alice", Groups = [group] }));

        Assert.Empty(await _keys.ListAsync());
    }

    [Theory]
    [InlineData("90d", 90 * 24.0)]
    [InlineData("12h", 12.0)]
    [InlineData("30m", 0.5)]
    public void ParseLifetime_Units_GiveTheSpan(string spec, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), ApiKeyToken.ParseLifetime(spec));

    [Theory]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("90")]
    [InlineData("3651d")]
    [InlineData("1y")]
    public void ParseLifetime_Nonsense_OneLineError(string spec) =>
        Assert.StartsWith($"invalid key lifetime '{spec}'; ", Assert.Throws<TandemException>(() => ApiKeyToken.ParseLifetime(spec)).ToUserMessage(), StringComparison.Ordinal);

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
