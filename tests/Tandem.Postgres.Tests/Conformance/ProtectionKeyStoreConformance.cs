using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IProtectionKeyStore"/>: the web app's key ring, every element kept whole and in order, a name stored once, on every backend.</summary>
public abstract class ProtectionKeyStoreConformance(IStoreBackend backend) : StoreConformance(backend)
{
    private const string Key = """<key id="6d9d2c55-2a4a-4f57-9a3b-1d3c1e0b7a11" version="1"><creationDate>2026-11-30T09:00:00Z</creationDate><descriptor>secret material &amp; more</descriptor></key>""";

    [Fact]
    public async Task ReadAll_Empty_Nothing()
    {
        Assert.Empty(await Store.ProtectionKeys.ReadAllAsync());
    }

    [Fact]
    public async Task ReadAll_Stored_EveryElementWholeInTheOrderStored()
    {
        var revocation = """<revocation version="1"><revocationDate>2026-12-01T00:00:00Z</revocationDate><key id="*" /><reason>rotated</reason></revocation>""";
        await Store.ProtectionKeys.StoreAsync("key-6d9d2c55-2a4a-4f57-9a3b-1d3c1e0b7a11", Key);
        await Store.ProtectionKeys.StoreAsync("revocation-20261201T000000Z", revocation);

        Assert.Equal([Key, revocation], await Store.ProtectionKeys.ReadAllAsync());
    }

    [Fact]
    public async Task Store_TheSameNameTwice_KeepsTheFirst()
    {
        await Store.ProtectionKeys.StoreAsync("key-1", Key);
        await Store.ProtectionKeys.StoreAsync("key-1", "<key id=\"replaced\" />");

        Assert.Equal([Key], await Store.ProtectionKeys.ReadAllAsync());
    }

    [Fact]
    public async Task Store_Concurrently_EveryElementKept()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.ProtectionKeys.StoreAsync($"key-{i}", $"<key id=\"{i}\" />")));

        Assert.Equal(8, (await Store.ProtectionKeys.ReadAllAsync()).Distinct().Count());
    }
}
