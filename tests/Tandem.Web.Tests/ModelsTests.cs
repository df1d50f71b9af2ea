using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Tests.Support;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>
/// The models page: the registry with its gate scores, the retraining policy's count and the
/// schedule, and promotion, scoring and retraining for admins only.
/// </summary>
public sealed class ModelsTests : WebTest
{
    [Fact]
    public async Task Models_ShowsTheRegistryWithScoresPerCategoryAndThePolicysDecision()
    {
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-scored", 0.61, "public"));
        var alice = await SignedInAsync("alice", "legal");

        var page = await alice.PageAsync("/app/models");

        var model = page.QuerySelector("article[aria-labelledby='model-sh-scored']")!;
        Assert.Contains("pooled AUPR 0.610", model.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cap on Liability", model.QuerySelector("table.scores")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("accepted corrections arrived since", page.GetElementById("retrain-decision")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form input[name=force]"));
    }

    [Fact]
    public async Task Promote_ByANonAdmin_IsRefusedAndNothingChanges()
    {
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-candidate", 0.7, "public"));
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/models?handler=promote", new() { ["id"] = "sh-candidate", ["margin"] = "1" }, tokenPage: "/app/models");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only admins promote models", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Candidate, (await Registry.GetAsync("sh-candidate"))!.Status);
    }

    [Fact]
    public async Task Promote_ByAnAdmin_GateRefusesWithItsReasons_ThenForcedWithAReason()
    {
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-champion", 0.9, "public"));
        await Registry.PromoteAsync("sh-champion", "passed the gate");
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-worse", 0.4, "public"));
        var admin = await SignedInAsync("root", "admin");

        using var refused = await admin.PostFormAsync("/app/models?handler=promote", new() { ["id"] = "sh-worse", ["margin"] = "1" }, tokenPage: "/app/models");
        var refusal = WebSession.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        using var forced = await admin.PostFormAsync("/app/models?handler=promote",
            new() { ["id"] = "sh-worse", ["margin"] = "1", ["force"] = "true", ["reason"] = "rollback drill" }, tokenPage: "/app/models");

        Assert.Contains("the gate refused sh-worse", refusal, StringComparison.Ordinal);
        Assert.Contains("sh-champion", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("sh-worse is now the champion", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Champion, (await Registry.GetAsync("sh-worse"))!.Status);
    }

    [Fact]
    public async Task Models_NothingScheduled_SaysHowToSchedule()
    {
        var alice = await SignedInAsync("alice");

        var page = await alice.PageAsync("/app/models");

        Assert.Contains("Nothing is scheduled", page.GetElementById("next-run")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrainNow_ByAnAdmin_QueuesTheApisJobWhichRegistersACandidate()
    {
        var data = DataFolders.WriteCuadLike(Path.Combine(Path.GetDirectoryName(Factory.DatabasePath)!, "cuad"), contracts: 6);
        var before = (await Registry.ListAsync()).Count;
        var admin = await SignedInAsync("root", "admin");
        Assert.NotNull((await admin.PageAsync("/app/models")).QuerySelector("#retrain-data"));

        using var queued = await admin.PostFormAsync("/app/models?handler=retrain", new() { ["data"] = data }, tokenPage: "/app/models");
        var followed = queued.Headers.Location!.OriginalString;
        AngleSharp.Dom.IElement status;
        var waited = 0;
        do
        {
            await Task.Delay(250);
            waited += 250;
            status = (await admin.PageAsync(followed)).GetElementById("retrain-job")!;
        }
        while (!status.TextContent.Contains("succeeded", StringComparison.Ordinal) && !status.TextContent.Contains("failed", StringComparison.Ordinal) && waited < 120_000);

        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        Assert.Matches("^/app/models\\?job=[^&]+#retrain-job$", followed);
        Assert.Contains("succeeded; registered candidate", status.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, (await Registry.ListAsync()).Count);
    }

    [Fact]
    public async Task RetrainNow_ABadFolder_IsOneLineOnThePage()
    {
        var admin = await SignedInAsync("root", "admin");

        using var response = await admin.PostFormAsync("/app/models?handler=retrain", new() { ["data"] = "/no/such/cuad" }, tokenPage: "/app/models");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/no/such/cuad", WebSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, JobCount());
    }

    [Fact]
    public async Task RetrainAndEvaluate_ByANonAdmin_AreRefusedAndNothingIsQueuedOrScored()
    {
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-unscored", null, "public"));
        var data = DataFolders.WriteCuadLike(Path.Combine(Path.GetDirectoryName(Factory.DatabasePath)!, "cuad"), contracts: 6);
        var alice = await SignedInAsync("alice", "legal");
        var page = await alice.PageAsync("/app/models");

        using var retrain = await alice.PostFormAsync("/app/models?handler=retrain", new() { ["data"] = data }, tokenPage: "/app/models");
        using var evaluate = await alice.PostFormAsync("/app/models?handler=evaluate", new() { ["id"] = "sh-unscored", ["data"] = data }, tokenPage: "/app/models");

        Assert.Empty(page.QuerySelectorAll("#retrain-data, [id^=evaluate-data]"));
        Assert.Equal(HttpStatusCode.Forbidden, retrain.StatusCode);
        Assert.Contains("only admins retrain models", await retrain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, evaluate.StatusCode);
        Assert.Contains("only admins evaluate models", await evaluate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, JobCount());
        Assert.Null((await Registry.GetAsync("sh-unscored"))!.Scores);
    }

    [Fact]
    public async Task Evaluate_ByAnAdmin_RunsTheServicesScoring()
    {
        await Registry.RegisterAsync(TestModels.SelfHosted("sh-unscored", null, "public"));
        var admin = await SignedInAsync("root", "admin");

        using var response = await admin.PostFormAsync("/app/models?handler=evaluate", new() { ["id"] = "sh-unscored", ["data"] = "/no/such/cuad" }, tokenPage: "/app/models");

        // The service's own refusal of the folder: the button reached ModelService.EvaluateAsync as an admin.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/no/such/cuad", WebSession.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>How many background jobs the server's job storage holds, in any state.</summary>
    private int JobCount()
    {
        var stats = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        return (int)(stats.Enqueued + stats.Processing + stats.Succeeded + stats.Failed + stats.Scheduled);
    }

    private IModelRegistry Registry => Factory.Services.GetRequiredService<IModelRegistry>();
}
