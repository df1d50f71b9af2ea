using Hangfire;
using Hangfire.InMemory;
using Hangfire.States;
using Tandem.Server.Jobs;

namespace Tandem.Server.Tests;

/// <summary>A retrain job's failure as a client reads it; the job is the server's own, which is not retried, so a failure stays one.</summary>
public sealed class BackgroundJobStatusTests
{
    [Fact]
    public void Read_FailedWithAUserError_ShowsItsLine()
    {
        using var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var id = client.Create<LocalRetrainJob>(job => job.RunAsync(null!, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        client.ChangeState(id, new FailedState(new TandemException("the folder has no contracts", "check it")));

        var status = BackgroundJobStatus.Read(storage, id);

        Assert.Equal(new BackgroundJobStatus(id, "failed", null, "the folder has no contracts"), status);
    }

    [Fact]
    public void Read_FailedWithABug_SaysNothingOfItsInsides()
    {
        using var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var id = client.Create<LocalRetrainJob>(job => job.RunAsync(null!, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        client.ChangeState(id, new FailedState(new InvalidOperationException("secret path /srv/data")));

        var status = BackgroundJobStatus.Read(storage, id);

        Assert.Equal(("failed", "the job failed unexpectedly; the server's log has the details"), (status!.Status, status.Error));
        Assert.Null(BackgroundJobStatus.Read(storage, "404"));
    }
}
