using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;
using static Tandem.Server.Tests.Problems;

namespace Tandem.Server.Tests;

/// <summary>Examples over the API: the reviewer's queue, and reviewing many at once or a report's pending corrections.</summary>
public sealed class ExamplesApiTests : IAsyncLifetime
{
    private ReviewTeam _team = null!;
    private string _carols = null!;
    private string _erins = null!;

    public async ValueTask InitializeAsync()
    {
        _team = await ReviewTeam.StartAsync();
        _carols = (await Reviewing.FalsePositiveAsync(_team.Carol, _team.ReportId, 1)).GetProperty("exampleId").GetString()!;
        _erins = (await Reviewing.FalsePositiveAsync(_team.Erin, _team.ReportId, 2)).GetProperty("exampleId").GetString()!;
    }

    public ValueTask DisposeAsync() => _team.DisposeAsync();

    [Fact]
    public async Task List_PendingForAReviewer_OthersCorrectionsOnly()
    {
        var pending = await _team.Carol.GetFromJsonAsync<JsonElement>("/api/examples?pending=true");
        var all = await _team.Carol.GetFromJsonAsync<JsonElement>("/api/examples");

        Assert.Equal([_erins], pending.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal(0, (await _team.Bob.GetFromJsonAsync<JsonElement>("/api/examples")).GetArrayLength());
    }

    [Fact]
    public async Task Review_OneNotTheirs_403AndNothingReviewed_ThenTheOthersAccepted()
    {
        await AssertProblemAsync(await _team.Carol.PostAsJsonAsync("/api/examples/review", new { ids = new[] { _erins, _carols }, accept = true }),
            HttpStatusCode.Forbidden, $"you (carol) may not review {_carols}");
        Assert.Equal(2, (await _team.Alice.GetFromJsonAsync<JsonElement>("/api/examples?pending=true")).GetArrayLength());

        using var accepted = await _team.Carol.PostAsJsonAsync("/api/examples/review", new { ids = new[] { _erins, "ex_missing" }, accept = true });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var decision = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, decision.GetProperty("reviewed").GetInt32());
        Assert.Equal(["ex_missing"], decision.GetProperty("notFound").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Review_AReportsPendingCorrections_OwnerRejectsThemAll()
    {
        using var rejected = await _team.Alice.PostAsJsonAsync("/api/examples/review", new { reportId = _team.ReportId, accept = false });

        Assert.Equal(2, (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewed").GetInt32());
        Assert.Equal(0, (await _team.Alice.GetFromJsonAsync<JsonElement>("/api/examples")).GetArrayLength());
        await AssertProblemAsync(await _team.Bob.PostAsJsonAsync("/api/examples/review", new { reportId = _team.ReportId, accept = false }), HttpStatusCode.NotFound, ReviewsApi.NotFoundDetail);
        await AssertProblemAsync(await _team.Alice.PostAsJsonAsync("/api/examples/review", new { accept = true }), HttpStatusCode.BadRequest, "say which examples to review");
    }
}
