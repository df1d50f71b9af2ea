using System.Net;

namespace Tandem.Server.Tests;

/// <summary>A caller over the rate limit learns nothing more from the refusal: Alice's document and a missing one get the same 429.</summary>
public sealed class AccessLimitTests
{
    [Fact]
    public async Task RateLimited_AliceDocumentAndAMissingOne_TheSame429()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { ["Tandem:Server:RateLimit:PermitsPerMinute"] = "2" });
        using var alice = await factory.ClientForAsync("alice");
        using var bob = await factory.ClientForAsync("bob");
        var documentId = (await AccessWorld.UploadAsync(alice, "nightjar-plan.txt", Contracts.Text("nightjar"), null))[0];
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/documents")).StatusCode);

        using var hidden = await bob.GetAsync($"/api/documents/{documentId}");
        using var missing = await bob.GetAsync($"/api/documents/{AccessProbe.MissingOf(documentId)}");

        var (a, b) = (await Answer.ReadAsync(hidden), await Answer.ReadAsync(missing));
        Assert.Equal(429, a.Status);
        Assert.Equal(a.Normalised(documentId), b.Normalised(AccessProbe.MissingOf(documentId)));
        Assert.DoesNotContain("nightjar", a.Body + a.Headers, StringComparison.OrdinalIgnoreCase);
        // Alice's own key has its own allowance.
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/documents/{documentId}")).StatusCode);
    }
}
