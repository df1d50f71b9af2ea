namespace Tandem.Server.Schedule;

/// <summary>
/// One recurring task of the retraining policy (<c>Tandem:Schedule:&lt;task&gt;</c>): when it runs, and
/// what it runs on. Unset fields mean the task's defaults; no <see cref="Cron"/> means it is not scheduled.
/// </summary>
public sealed class ScheduledTask
{
    /// <summary>When it runs: a cron expression in UTC (five fields, e.g. "0 3 * * *" for 03:00 daily); null or empty: not scheduled.</summary>
    public string? Cron { get; set; }

    /// <summary>Retrain local: the curated CUAD-style folder on the worker nodes (the same path on each).</summary>
    public string? Data { get; set; }

    /// <summary>Retrain local: train on at most this many non-held-out contracts; null for all.</summary>
    public int? Contracts { get; set; }

    /// <summary>Retrains: who the model is for (access tokens of the schedule's identity, e.g. group:legal); default: the schedule's user and groups.</summary>
    public string? Audience { get; set; }

    /// <summary>Retrain provider and fine-tune status: the configured model (its provider, key and base model).</summary>
    public string? Model { get; set; }

    /// <summary>Retrain provider: build retrieval-aware examples (distractor passages).</summary>
    public bool RetrievalAware { get; set; }

    /// <summary>Retrain provider: training epochs.</summary>
    public int Epochs { get; set; } = 3;
}
