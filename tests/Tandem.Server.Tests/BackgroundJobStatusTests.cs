using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Hangfire.States;
using Tandem.Server.Jobs;

namespace Tandem.Server.Tests;

/// <summary>
/// A retrain job's failure as a client reads it; the job is the server's own, which is not
/// retried, so a failure stays one. The storage is a live server's: Hangfire logs through the
/// last server's loggers, which a storage made on its own would find disposed.
/// </summary>
public sealed class BackgroundJobStatusTests : IAsyncDisposable
{
    private readonly ServerFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public void Read_FailedWithAUserError_ShowsItsLine()
    {
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        var client = new BackgroundJobClient(storage);
        var id = client.Create<LocalRetrainJob>(job => job.RunAsync(null!, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        client.ChangeState(id, new FailedState(new TandemException("the folder has no contracts", "check it")));

        var status = BackgroundJobStatus.Read(storage, id);

        Assert.Equal(new BackgroundJobStatus(id, "failed", null, "the folder has no contracts"), status);
    }

    [Fact]
    public void Read_FailedWithABug_SaysNothingOfItsInsides()
    {
        var storage = _factory.Services.GetRequiredService<JobStorage>();
        var client = new BackgroundJobClient(storage);
        var id = client.Create<LocalRetrainJob>(job => job.RunAsync(null!, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        client.ChangeState(id, new FailedState(new InvalidOperationException("secret path /srv/data")));

        var status = BackgroundJobStatus.Read(storage, id);

        Assert.Equal(("failed", "the job failed unexpectedly; the server's log has the details"), (status!.Status, status.Error));
        Assert.Null(BackgroundJobStatus.Read(storage, "404"));
        Assert.Null(BackgroundJobStatus.Read(storage, Guid.NewGuid().ToString()));
    }
}
