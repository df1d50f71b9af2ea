using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Learning;
using Tandem.Server.Tests;
using Tandem.Tests.Support;

namespace Tandem.Web.Tests.Support;

/// <summary>The server in memory on a store of its own per test, with sessions signed in by real API keys.</summary>
public abstract class WebTest : IAsyncLifetime
{
    private readonly List<WebSession> _sessions = [];

    /// <param name="settings">Configuration for the server (e.g. a review's inline limit).</param>
    /// <param name="services">Service changes made after the server's own (e.g. a log capture).</param>
    protected WebTest(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Factory = new ServerFactory(settings, services);

    protected ServerFactory Factory { get; }

    /// <summary>A new API key for <paramref name="user"/>, as `tandem keys create` makes it.</summary>
    protected async Task<CreatedApiKey> KeyAsync(string user, params string[] groups) =>
        await Factory.Keys.CreateAsync(new ApiKeyRequest { UserId = user, Groups = groups });

    /// <summary>A session with no cookie yet.</summary>
    protected WebSession Anonymous()
    {
        var session = new WebSession(Factory);
        _sessions.Add(session);
        return session;
    }

    /// <summary>A session signed in as <paramref name="user"/>.</summary>
    protected async Task<WebSession> SignedInAsync(string user, params string[] groups)
    {
        var session = Anonymous();
        using var response = await session.SignInAsync((await KeyAsync(user, groups)).Secret);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>An admin, who may read every correction.</summary>
    protected static Principal Root { get; } = new("root", ["admin"]);

    /// <summary>Every correction recorded, as an admin sees them.</summary>
    protected Task<IReadOnlyList<RecordedCorrection>> CorrectionsAsync() => Factory.Services.GetRequiredService<CorrectionService>().ListAsync(Root);

    /// <summary>A sample contract's bytes.</summary>
    protected static (string Name, byte[] Bytes) Sample(string name) => (name, File.ReadAllBytes(RepositoryPaths.Sample(name)));

    /// <summary>Uploads <paramref name="files"/> for review; the answer (a redirect to the report, job or batch).</summary>
    protected static Task<HttpResponseMessage> UploadAsync(WebSession session, params (string Name, byte[] Bytes)[] files) =>
        session.PostFormAsync("/app/reviews/new", new() { ["for"] = string.Empty, ["type"] = string.Empty }, files);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        _sessions.ForEach(s => s.Dispose());
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
