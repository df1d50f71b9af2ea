namespace Tandem.Server.Schedule;

/// <summary>
/// The retraining policy's schedule (<c>Tandem:Schedule</c>), run as Hangfire recurring jobs by the
/// nodes that run jobs (one run per occurrence across all of them), in place of cron lines: the
/// local retrain and the provider retrain when due, and the polling of pending fine-tune jobs.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tandem:Schedule";

    /// <summary>The identity the scheduled tasks run as, kept with each job: a user id.</summary>
    public string User { get; set; } = "tandem-scheduler";

    /// <summary>Its groups (e.g. admin, or the group the models are for).</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>As <c>tandem retrain local --data &lt;Data&gt; --if-due</c>.</summary>
    public ScheduledTask RetrainLocal { get; set; } = new();

    /// <summary>As <c>tandem retrain provider --model &lt;Model&gt; --if-due</c>.</summary>
    public ScheduledTask RetrainProvider { get; set; } = new();

    /// <summary>As <c>tandem finetune status --pending --model &lt;Model&gt;</c>: registers the models of jobs that succeeded.</summary>
    public ScheduledTask FineTuneStatus { get; set; } = new();
}
