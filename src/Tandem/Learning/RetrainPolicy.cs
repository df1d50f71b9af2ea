using System.Globalization;

namespace Tandem.Learning;

/// <summary>
/// When a model is due for retraining: every <see cref="EveryDays"/> days (default 90, i.e.
/// quarterly) since the newest model of the backend was trained, or as soon as
/// <see cref="AfterCorrections"/> accepted corrections have arrived since then (0 turns that off).
/// Configured under <c>Tandem:Retrain:EveryDays</c> and <c>Tandem:Retrain:AfterCorrections</c>.
/// </summary>
public sealed class RetrainPolicy
{
    public int EveryDays { get; init; } = 90;

    /// <summary>Retrain once this many accepted corrections are newer than the newest model; 0 means never for this reason.</summary>
    public int AfterCorrections { get; init; } = 200;

    /// <summary>
    /// Answer keys of reviewed contracts whose keyed clauses every local retrain also learns review weights from
    /// (<c>Tandem:Retrain:ReviewKeys</c>, paths on the machine that trains), unless the request names its own. Without
    /// them a candidate has no review weights. Paths come from configuration
    /// only: a request never names files on the server. The promotion gate refuses a candidate without review weights
    /// against a champion that has them.
    /// </summary>
    public IReadOnlyList<string> ReviewKeys { get; init; } = [];

    /// <summary>
    /// Decides for <paramref name="backend"/>, given the registry, when each accepted correction
    /// was made (<paramref name="acceptedCorrections"/>), and earlier decisions: a job started on
    /// one counts as the last retrain even before its model is registered, so a provider job
    /// still running is not started twice; once a later record says it failed, it no longer counts.
    /// </summary>
    public RetrainDecision Decide(string backend, IReadOnlyList<RegisteredModel> registry, DateTimeOffset now, IReadOnlyList<DateTimeOffset>? acceptedCorrections = null,
        IReadOnlyList<RetrainDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (EveryDays < 1 || AfterCorrections < 0)
        {
            throw new TandemException($"the retraining policy needs EveryDays ≥ 1 and AfterCorrections ≥ 0, not {EveryDays} and {AfterCorrections}",
                "fix Tandem:Retrain in appsettings.json or the command's options");
        }

        var newest = registry.Where(m => m.Backend == backend).OrderByDescending(m => m.CreatedAt).Select(m => (At: m.CreatedAt, What: $"the newest model ({m.Id})"))
            .Concat((decisions ?? []).Where(d => d.Backend == backend && d.Job is not null).GroupBy(d => d.Job, StringComparer.Ordinal)
                .Where(g => g.MaxBy(d => d.At)!.Due) // a job whose latest record says it failed no longer counts
                .Select(g => (At: g.Min(d => d.At), What: $"the last training job ({g.Key})")))
            .OrderByDescending(x => x.At).FirstOrDefault();
        if (newest.What is null)
        {
            return new RetrainDecision(now, backend, true, $"no {backend} model is registered yet");
        }

        var age = now - newest.At;
        var days = age.TotalDays.ToString("0.0", CultureInfo.InvariantCulture);
        var fresh = (acceptedCorrections ?? []).Count(at => at > newest.At);
        var why = $"{newest.What} is {days} days old and {fresh} accepted corrections arrived since; the policy retrains every {EveryDays} days"
            + (AfterCorrections > 0 ? $" or after {AfterCorrections} corrections" : string.Empty);
        var due = age >= TimeSpan.FromDays(EveryDays) || (AfterCorrections > 0 && fresh >= AfterCorrections);
        return new RetrainDecision(now, backend, due, why);
    }
}
