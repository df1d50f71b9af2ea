namespace Tandem.Web.Retraining;

/// <summary>One task of the retraining schedule as the models page shows it.</summary>
/// <param name="Task">The task's id (retrain-local, retrain-provider, finetune-status).</param>
/// <param name="Cron">When it runs, in UTC.</param>
/// <param name="Next">Its next run; null when the scheduler has not planned one.</param>
/// <param name="Last">Its last run; null before the first.</param>
/// <param name="LastState">How its last run ended (Succeeded, Failed ...); null before the first.</param>
public sealed record WebScheduledRun(string Task, string Cron, DateTimeOffset? Next, DateTimeOffset? Last, string? LastState);
