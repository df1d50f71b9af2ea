namespace Tandem.Learning;

/// <summary>What <c>retrain --if-due</c> decided, and why; kept so a cron job's choices can be audited.</summary>
public sealed record RetrainDecision(DateTimeOffset At, string Backend, bool Due, string Reason);
