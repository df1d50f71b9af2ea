using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Learning;
using Tandem.Server.Schedule;
using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// The retraining policy's schedule as Hangfire recurring jobs, from settings: registered when a node
/// starts, run as the schedule's identity, and a bad cron expression is one line at start.
/// </summary>
public sealed class ScheduleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RetrainLocal_Scheduled_RecurringJobThatRegistersACandidateAsTheScheduler()
    {
        var data = DataFolders.WriteCuadLike(_dir.File("cuad"), contracts: 6);
        await using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["Tandem:Schedule:User"] = "night-shift",
            ["Tandem:Schedule:Groups:0"] = "admin",
            ["Tandem:Schedule:RetrainLocal:Cron"] = "0 3 * * *",
            ["Tandem:Schedule:RetrainLocal:Data"] = data,
            ["Tandem:Schedule:RetrainLocal:Contracts"] = "4",
            // Due: the shipped model is older than a day.
            ["Tandem:Retrain:EveryDays"] = "1",
        });
        _ = factory.Server; // starts the host, which registers the schedule

        var storage = factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var jobs = connection.GetRecurringJobs();
            var job = Assert.Single(jobs);
            Assert.Equal((ScheduleRegistration.RetrainLocalId, "0 3 * * *"), (job.Id, job.Cron));
        }

        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(ScheduleRegistration.RetrainLocalId);
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var decision = await WaitForAsync(async () => (await registry.ListDecisionsAsync()).FirstOrDefault());

        Assert.True(decision.Due, decision.Reason);
        Assert.Equal("night-shift", decision.Requester);
        Assert.Contains("registered candidate local-", decision.Reason, StringComparison.Ordinal);
        var candidate = await registry.GetAsync(decision.Job!);
        Assert.Equal(ModelStatus.Candidate, candidate!.Status);
        Assert.StartsWith(Path.GetDirectoryName(factory.DatabasePath)!, candidate.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_NoCron_NoRecurringJobs()
    {
        await using var factory = new ServerFactory();
        _ = factory.Server;

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Empty(connection.GetRecurringJobs());
    }

    [Fact]
    public async Task Serve_BadCron_OneLineAndExit1()
    {
        using var tandem = new TandemProcess();
        tandem.Environment["Tandem__Schedule__FineTuneStatus__Cron"] = "every tuesday";

        var (exit, _, error) = await tandem.RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: invalid settings: Tandem:Schedule:FineTuneStatus:Cron 'every tuesday' is not a cron expression", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "the scheduled job did not finish within two minutes");
            await Task.Delay(200);
        }
    }
}
