namespace Tandem.Server.Tests;

/// <summary>
/// A server with the people of the review tests: alice owns a reviewed contract shared with group
/// legal (<see cref="ReportId"/>); carol and dave are reviewers in legal; erin is in legal but no
/// reviewer; bob is a stranger.
/// </summary>
internal sealed class ReviewTeam : IAsyncDisposable
{
    private ReviewTeam(ServerFactory factory, HttpClient[] clients, string reportId)
    {
        _factory = factory;
        (Alice, Bob, Carol, Dave, Erin) = (clients[0], clients[1], clients[2], clients[3], clients[4]);
        ReportId = reportId;
    }

    private readonly ServerFactory _factory;

    public HttpClient Alice { get; }

    public HttpClient Bob { get; }

    public HttpClient Carol { get; }

    public HttpClient Dave { get; }

    public HttpClient Erin { get; }

    /// <summary>alice's report, readable by group legal.</summary>
    public string ReportId { get; }

    public static async Task<ReviewTeam> StartAsync()
    {
        var factory = new ServerFactory();
        HttpClient[] clients =
        [
            await factory.ClientForAsync("alice"), await factory.ClientForAsync("bob"), await factory.ClientForAsync("carol", "legal", "reviewer"),
            await factory.ClientForAsync("dave", "legal", "reviewer"), await factory.ClientForAsync("erin", "legal"),
        ];
        var report = await Reviewing.ReviewUploadAsync(clients[0], "msa.txt", Contracts.Text("Alpha"), "group:legal");
        return new ReviewTeam(factory, clients, report.GetProperty("reportId").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Alice, Bob, Carol, Dave, Erin })
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }
}
