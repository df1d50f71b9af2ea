using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tandem.Server.Apis;
using static Tandem.Server.Tests.Problems;

namespace Tandem.Server.Tests;

/// <summary>
/// Corrections over the API. alice owns a contract shared with group legal; carol and dave are
/// reviewers in legal; erin is in legal but no reviewer; bob is a stranger. A stranger cannot see
/// or touch a correction; a non-reviewer cannot accept; a reviewer cannot accept their own.
/// </summary>
public sealed class CorrectionsApiTests : IAsyncLifetime
{
    private ReviewTeam _team = null!;

    public async ValueTask InitializeAsync() => _team = await ReviewTeam.StartAsync();

    public ValueTask DisposeAsync() => _team.DisposeAsync();

    [Fact]
    public async Task Correct_SameTwice_201ThenTheSameCorrection()
    {
        var correction = await Reviewing.FalsePositiveAsync(_team.Carol, _team.ReportId, 1);

        using var again = await _team.Carol.PostAsJsonAsync($"/api/reviews/{_team.ReportId}/corrections", new { finding = 1, falsePositive = true });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(correction.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(("carol", "false-positive"), (correction.GetProperty("author").GetString(), correction.GetProperty("kind").GetString()));
        var listed = await _team.Dave.GetFromJsonAsync<JsonElement>("/api/corrections?status=pending");
        Assert.Equal("pending", listed.EnumerateArray().Single().GetProperty("review").GetString());
    }

    [Fact]
    public async Task Reviewers_NonReviewerAndAuthorRefused_AnotherReviewerAcceptsOnce()
    {
        var id = (await Reviewing.FalsePositiveAsync(_team.Carol, _team.ReportId, 1)).GetProperty("id").GetString()!;

        await AssertProblemAsync(await _team.Erin.PostAsync($"/api/corrections/{id}/accept", null), HttpStatusCode.Forbidden, "you (erin) may not review this correction");
        await AssertProblemAsync(await _team.Carol.PostAsync($"/api/corrections/{id}/accept", null), HttpStatusCode.Forbidden, "you (carol) may not review this correction");
        using var accepted = await _team.Dave.PostAsync($"/api/corrections/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("review").GetString());
        await AssertProblemAsync(await _team.Alice.PostAsync($"/api/corrections/{id}/reject", null), HttpStatusCode.Conflict, "this correction was reviewed already");
        var read = await _team.Erin.GetFromJsonAsync<JsonElement>($"/api/corrections/{id}");
        Assert.Equal(("accepted", "dave"), (read.GetProperty("review").GetString(), read.GetProperty("reviewer").GetString()));
    }

    [Fact]
    public async Task Stranger_SeesAndTouchesNothing_404LikeAMissingOne()
    {
        var id = (await Reviewing.FalsePositiveAsync(_team.Erin, _team.ReportId, 1)).GetProperty("id").GetString()!;

        Assert.Equal(0, (await _team.Bob.GetFromJsonAsync<JsonElement>("/api/corrections")).GetArrayLength());
        foreach (var target in new[] { id, "cor_0123456789abcdef" })
        {
            await AssertProblemAsync(await _team.Bob.GetAsync($"/api/corrections/{target}"), HttpStatusCode.NotFound, CorrectionsApi.NotFoundDetail);
            await AssertProblemAsync(await _team.Bob.PostAsync($"/api/corrections/{target}/accept", null), HttpStatusCode.NotFound, CorrectionsApi.NotFoundDetail);
        }

        await AssertProblemAsync(await _team.Bob.PostAsJsonAsync($"/api/reviews/{_team.ReportId}/corrections", new { finding = 1, falsePositive = true }),
            HttpStatusCode.NotFound, ReviewsApi.NotFoundDetail);
        Assert.Equal("pending", (await _team.Alice.GetFromJsonAsync<JsonElement>($"/api/corrections/{id}")).GetProperty("review").GetString());
    }

    [Fact]
    public async Task Correct_BadRequests_OneLineEach()
    {
        await AssertProblemAsync(await _team.Alice.PostAsJsonAsync($"/api/reviews/{_team.ReportId}/corrections", new { finding = 99, falsePositive = true }),
            HttpStatusCode.BadRequest, $"report {_team.ReportId} has ");
        await AssertProblemAsync(await _team.Alice.PostAsJsonAsync($"/api/reviews/{_team.ReportId}/corrections", new { finding = 1, severity = "dire" }),
            HttpStatusCode.BadRequest, "unknown severity 'dire'");
        await AssertProblemAsync(await _team.Alice.GetAsync("/api/corrections?status=done"), HttpStatusCode.BadRequest, "unknown correction status 'done'");
    }
}
