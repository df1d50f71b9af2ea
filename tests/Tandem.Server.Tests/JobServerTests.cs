using System.Net;
using Tandem.Server.Jobs;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// The one Hangfire registration: the node shapes the SQLite file
/// cannot have refused in one line, and the dashboard open to admins only.
/// </summary>
public sealed class JobServerTests : ServerTest
{
    [Fact]
    public async Task Serve_NoWorkerOnTheSqliteFile_OneLineAndExit1()
    {
        using var tandem = new TandemProcess();

        var (exit, output, error) = await tandem.RunAsync("serve", "--no-worker", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("error: a node without a worker needs the shared PostgreSQL store", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Worker_OnTheSqliteFile_OneLineAndExit1()
    {
        using var tandem = new TandemProcess();

        var (exit, _, error) = await tandem.RunAsync("worker");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: a worker needs the shared PostgreSQL store", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Worker_UnreachablePostgres_OneLineAndExit1()
    {
        using var tandem = new TandemProcess();

        var (exit, _, error) = await tandem.RunAsync("worker", "--store", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Dashboard_Anonymous401_NonAdmin403_Admin200()
    {
        using var anonymous = Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TandemJobsExtensions.DashboardPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TandemJobsExtensions.DashboardPath + "/jobs/enqueued")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.GetAsync(TandemJobsExtensions.DashboardPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Alice.GetAsync(TandemJobsExtensions.DashboardPath + "/stats")).StatusCode);
        using var page = await Admin.GetAsync(TandemJobsExtensions.DashboardPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tandem jobs", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("9f2c1e0a-5b7d-4c3e-8a1f-2d4b6c8e0a1b", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("abc", false)]
    [InlineData("1 OR 1=1", false)]
    [InlineData("", false)]
    public void IsWellFormed_Id_OnlyGuidsAndPositiveNumbers(string id, bool expected) => Assert.Equal(expected, JobIds.IsWellFormed(id));
}
