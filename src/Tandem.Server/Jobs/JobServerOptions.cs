namespace Tandem.Server.Jobs;

/// <summary>How this node takes part in background work (<c>Tandem:Server:Jobs</c>).</summary>
public sealed class JobServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tandem:Server:Jobs";

    /// <summary>
    /// Whether this node runs jobs. False (<c>tandem serve --no-worker</c>) makes an API node that
    /// only queues them, for a PostgreSQL deployment with separate <c>tandem worker</c> nodes.
    /// </summary>
    public bool Worker { get; set; } = true;

    /// <summary>Jobs run at once on this node; reviewing and training are CPU-bound, so a few are enough.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// On PostgreSQL: how long a job fetched by a node that stopped answering stays invisible
    /// before another node takes it. A live node renews its jobs every fifth of this, so a long
    /// job is never taken twice; a killed node's job is taken again within this time.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On PostgreSQL: how long a lock outlives a node that died holding it. Hangfire locks a job
    /// while it changes the job's state, and a scheduled job for its whole run; a node killed
    /// inside either leaves the lock behind, and the job waits this long before another node can
    /// move it. Locks are not renewed, so this must exceed the longest scheduled run (a local
    /// retrain): a shorter one would let a second node start the same scheduled run.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>On PostgreSQL: how often an idle worker looks for jobs, besides the notification PostgreSQL sends when one is queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
