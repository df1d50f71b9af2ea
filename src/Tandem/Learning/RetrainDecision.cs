namespace Tandem.Learning;

/// <summary>What <c>retrain --if-due</c> decided, and why; kept so a cron job's choices can be audited.</summary>
public sealed record RetrainDecision(DateTimeOffset At, string Backend, bool Due, string Reason)
{
    /// <summary>The training job started on this decision, if any (a provider job still running counts as a retrain).</summary>
    public string? Job { get; init; }

    /// <summary>Who asked for it: the decision is shown to them and to admins (null, as recorded before requesters were: admins only).</summary>
    public string? Requester { get; init; }

    /// <summary>The audience the retrain trains for; a provider job's model is registered for it.</summary>
    public IReadOnlyList<string> Audience { get; init; } = [];
}
