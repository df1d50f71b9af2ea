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
    public async Task RetrainProviderThenFineTuneStatus_Scheduled_StartOneJobAndRegisterItsModelOnce()
    {
        using var provider = new FakeModelServer();
        var keyVariable = "TANDEM_TEST_SCHEDULE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, "sk-schedule-test");
        try
        {
            await using var factory = new ServerFactory(new Dictionary<string, string?>
            {
                ["Tandem:Models:base:Provider"] = "openai",
                ["Tandem:Models:base:Model"] = "gpt-4.1-mini-2025-04-14",
                ["Tandem:Models:base:BaseUrl"] = provider.BaseUrl.ToString(),
                ["Tandem:Models:base:ApiKeyVariable"] = keyVariable,
                ["Tandem:Schedule:User"] = "night-shift",
                ["Tandem:Schedule:Groups:0"] = "admin",
                ["Tandem:Schedule:RetrainProvider:Cron"] = "0 4 * * 1",
                ["Tandem:Schedule:RetrainProvider:Model"] = "base",
                ["Tandem:Schedule:RetrainProvider:Audience"] = "public",
                ["Tandem:Schedule:FineTuneStatus:Cron"] = "*/30 * * * *",
                ["Tandem:Schedule:FineTuneStatus:Model"] = "base",
                ["Tandem:Retrain:EveryDays"] = "1",
            });
            await LearningData.SeedAsync(factory);
            var jobs = factory.Services.GetRequiredService<IRecurringJobManager>();
            var registry = factory.Services.GetRequiredService<IModelRegistry>();

            jobs.Trigger(ScheduleRegistration.RetrainProviderId);
            var decision = await WaitForAsync(async () => (await registry.ListDecisionsAsync()).FirstOrDefault(d => d.Job is not null));

            Assert.True(decision.Due, decision.Reason);
            Assert.Equal(("night-shift", "ftjob-1"), (decision.Requester, decision.Job));
            var training = FakeModelServer.BodyOf(provider.Requests.Single(r => r.Path == "/v1/fine_tuning/jobs"));
            Assert.Equal("gpt-4.1-mini-2025-04-14", training.GetProperty("model").GetString());

            // The fake job advances one state per read: the status job runs until the model is registered.
            var model = await WaitForAsync(async () =>
            {
                if ((await registry.ListAsync()).FirstOrDefault(m => m.Location.StartsWith("ft:", StringComparison.Ordinal)) is { } found)
                {
                    return found;
                }

                jobs.Trigger(ScheduleRegistration.FineTuneStatusId);
                await Task.Delay(500);
                return null;
            });
            Assert.Equal(("openai", ModelStatus.Candidate), (model.Backend, model.Status));

            // Run both again: the policy is not due (a job ran today) and the model is not registered twice.
            jobs.Trigger(ScheduleRegistration.RetrainProviderId);
            jobs.Trigger(ScheduleRegistration.FineTuneStatusId);
            await WaitForAsync(async () => (await registry.ListDecisionsAsync()).FirstOrDefault(d => !d.Due));
            await Task.Delay(1000);
            Assert.Single(provider.Requests, r => r.Path == "/v1/fine_tuning/jobs");
            Assert.Single(await registry.ListAsync(), m => m.Location.StartsWith("ft:", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
        }
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
