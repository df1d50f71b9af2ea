using System.Globalization;

namespace Tandem.Learning;

/// <summary>
/// When a model is due for retraining: every <see cref="EveryDays"/> days (default 90, i.e.
/// quarterly) since the newest model of the backend was trained. Configured under
/// <c>Tandem:Retrain:EveryDays</c>.
/// </summary>
public sealed class RetrainPolicy
{
    public int EveryDays { get; init; } = 90;

    public RetrainDecision Decide(string backend, IReadOnlyList<RegisteredModel> registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var newest = registry.Where(m => m.Backend == backend).OrderByDescending(m => m.CreatedAt).FirstOrDefault();
        if (newest is null)
        {
            return new RetrainDecision(now, backend, true, $"no {backend} model is registered yet");
        }

        var age = now - newest.CreatedAt;
        var days = age.TotalDays.ToString("0.0", CultureInfo.InvariantCulture);
        return age >= TimeSpan.FromDays(EveryDays)
            ? new RetrainDecision(now, backend, true, $"the newest model ({newest.Id}) is {days} days old; the policy retrains every {EveryDays} days")
            : new RetrainDecision(now, backend, false, $"the newest model ({newest.Id}) is {days} days old; the policy retrains every {EveryDays} days");
    }
}
