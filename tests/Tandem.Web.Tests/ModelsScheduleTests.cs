using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>The models page with a retraining schedule: the next run of each scheduled task, from the server's job scheduler.</summary>
public sealed class ModelsScheduleTests() : WebTest(new Dictionary<string, string?>
{
    ["Tandem:Schedule:User"] = "night-shift",
    ["Tandem:Schedule:Groups:0"] = "admin",
    ["Tandem:Schedule:RetrainLocal:Cron"] = "0 3 * * *",
    ["Tandem:Schedule:RetrainLocal:Data"] = "/srv/tandem/cuad",
})
{
    [Fact]
    public async Task Models_Scheduled_ShowsTheNextRunAndOffersItsFolderToAdmins()
    {
        var alice = await SignedInAsync("alice");
        var admin = await SignedInAsync("root", "admin");

        var page = await alice.PageAsync("/app/models");
        var adminPage = await admin.PageAsync("/app/models");

        var next = DateTime.UtcNow.Hour < 3 ? DateTime.UtcNow.Date : DateTime.UtcNow.Date.AddDays(1);
        var line = page.GetElementById("next-run")!.TextContent;
        Assert.Contains($"retrain-local: next run {next:yyyy-MM-dd} 03:00 UTC", System.Text.RegularExpressions.Regex.Replace(line, "\\s+", " "), StringComparison.Ordinal);
        Assert.Contains("0 3 * * *", line, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#retrain-data"));
        Assert.Equal("/srv/tandem/cuad", adminPage.QuerySelector("#retrain-data")!.GetAttribute("value"));
    }
}
