using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Server.Jobs;
using Tandem.Server.Reviews;

namespace Tandem.Server.Tests;

/// <summary>
/// A review job held in Hangfire's processing state, as a worker would hold it mid-review, with the progress it
/// reported: what the status endpoint and the web app's job page read. Shared with the web app's tests (linked).
/// </summary>
internal static class RunningReviewJobs
{
    public static string Create(IServiceProvider services, string user, WorkProgress? progress)
    {
        var storage = services.GetRequiredService<JobStorage>();
        var asked = ReviewJobRequest.For("doc_1", new ReviewRequest(), new Principal(user), services.GetRequiredService<NamedPlaybooks>());
        var jobs = new BackgroundJobClient(storage);
        var id = jobs.Create<ReviewJob>(job => job.RunAsync(asked, null, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        jobs.ChangeState(id, new Processing());
        if (progress is not null)
        {
            using var connection = storage.GetConnection();
            connection.SetJobParameter(id, ReviewJob.ProgressParameter, JsonSerializer.Serialize(JobProgressParameter.Format(progress)));
        }

        return id;
    }

    /// <summary>Hangfire's processing state (its own type cannot be made outside Hangfire).</summary>
    private sealed class Processing : IState
    {
        public string Name => ProcessingState.StateName;

        public string Reason => "a test's worker";

        public bool IsFinal => false;

        public bool IgnoreJobLoadException => false;

        public Dictionary<string, string> SerializeData() => new() { ["ServerId"] = "test-server", ["WorkerId"] = "worker-1" };
    }
}
