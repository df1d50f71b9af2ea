using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Server.Tests;
using Tandem.Web.Tests.Support;

namespace Tandem.Web.Tests;

/// <summary>Whatever the server logs while the web app is used, at every level, holds no document text, file name, search or key.</summary>
public sealed class WebLogHygieneTests() : WebTest(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Capture)))
{
    private const string Marker = "quixoticmarmot";
    private static readonly CapturingLoggerProvider Capture = new();

    [Fact]
    public async Task Logs_AtTraceLevel_HoldNoDocumentTextFileNameQueryOrKey()
    {
        var aliceKey = (await KeyAsync("alice")).Secret;
        var alice = Anonymous();
        (await alice.SignInAsync(aliceKey)).Dispose();
        (await alice.SignInAsync(aliceKey[..^4] + "0000")).Dispose();
        var admin = await SignedInAsync("root", "admin");
        var text = File.ReadAllText(Tandem.Tests.Support.RepositoryPaths.Sample("saas-subscription-agreement.md"))
            .Replace("Limitation of Liability", $"Limitation of Liability for {Marker} services", StringComparison.OrdinalIgnoreCase);

        using var upload = await UploadAsync(alice, ($"{Marker}-deal.md", Encoding.UTF8.GetBytes(text)));
        var url = upload.Headers.Location!.OriginalString;
        var page = await alice.PageAsync(url);
        using var corrected = await alice.PostFormAsync(url + "?handler=correct",
            new() { ["finding"] = "1", ["action"] = "change", ["rationale"] = $"the {Marker} clause", ["note"] = Marker }, tokenPage: url);
        using var refused = await alice.PostFormAsync(url + "?handler=correct",
            new() { ["finding"] = "1", ["action"] = "change", ["quote"] = $"{Marker} words not in the clause at all" }, tokenPage: url);
        using var searched = await alice.PostFormAsync("/app/documents?handler=search", new() { ["q"] = Marker }, tokenPage: "/app/documents");
        await admin.PageAsync("/app/corrections");
        (await alice.Client.GetAsync(url + "?handler=download&format=docx")).Dispose();

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<mark>" + Marker, await searched.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(page.QuerySelectorAll(".clause"));
        Assert.NotEmpty(Capture.Lines);
        foreach (var secret in new[] { Marker, aliceKey, aliceKey[^20..] })
        {
            Assert.DoesNotContain(Capture.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
