using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The models page: the registry with its gate scores, the retraining policy's count, and promotion for admins only.</summary>
public sealed class ModelsTests : WebTest
{
    [Fact]
    public async Task Models_ShowsTheRegistryWithScoresPerCategoryAndThePolicysDecision()
    {
        await Registry.RegisterAsync(SelfHosted("sh-scored", 0.61, "public"));
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
        await Registry.RegisterAsync(SelfHosted("sh-candidate", 0.7, "public"));
        var alice = await SignedInAsync("alice", "legal");

        using var response = await alice.PostFormAsync("/app/models?handler=promote", new() { ["id"] = "sh-candidate", ["margin"] = "1" }, tokenPage: "/app/models");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only admins promote models", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Candidate, (await Registry.GetAsync("sh-candidate"))!.Status);
    }

    [Fact]
    public async Task Promote_ByAnAdmin_GateRefusesWithItsReasons_ThenForcedWithAReason()
    {
        await Registry.RegisterAsync(SelfHosted("sh-champion", 0.9, "public"));
        await Registry.PromoteAsync("sh-champion", "passed the gate");
        await Registry.RegisterAsync(SelfHosted("sh-worse", 0.4, "public"));
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

    private IModelRegistry Registry => Factory.Services.GetRequiredService<IModelRegistry>();

    /// <summary>A self-hosted model registered as an admin would, with held-out scores when <paramref name="aupr"/> is given.</summary>
    private static RegisteredModel SelfHosted(string id, double? aupr, string audience) =>
        new(id, ModelService.SelfHostedBackend, "llama", $"http://127.0.0.1:9/v1 model {id}", "hash", DateTimeOffset.UtcNow,
            aupr is { } a ? new GateScores("gate-1", a, new Dictionary<string, CategoryScore> { ["Cap on Liability"] = new(a, 12) }) : null,
            ModelStatus.Candidate, null, null)
        {
            Audience = [audience], Endpoint = new ServedEndpoint(new Uri("http://127.0.0.1:9/v1"), id),
        };
}
