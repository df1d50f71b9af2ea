using Tandem.Access;

namespace Tandem.Learning;

/// <summary>
/// The model registry as one caller may see and change it, decided by the access policy: a model
/// is listed to those in its audience (admins: all), a retraining decision to its requester (and
/// admins), and promoting, forcing, registering and scoring models are for admins, since the
/// champion reviews everyone's contracts.
/// </summary>
public static class ModelRegistryAccess
{
    /// <summary>The models whose audience the caller belongs to (<see cref="IAccessPolicy.CanRead"/> on the audience), newest first; admins see all.</summary>
    public static async Task<IReadOnlyList<RegisteredModel>> ListVisibleAsync(this IModelRegistry registry, Principal caller, IAccessPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(policy);
        return (await registry.ListAsync(cancellationToken)).Where(m => policy.CanRead(caller, m.Audience)).ToList();
    }

    /// <summary>The retraining decisions the caller asked for, newest first; admins see all (and alone those recorded without a requester).</summary>
    public static async Task<IReadOnlyList<RetrainDecision>> ListVisibleDecisionsAsync(this IModelRegistry registry, Principal caller, IAccessPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(policy);
        return (await registry.ListDecisionsAsync(cancellationToken)).Where(d => policy.CanChange(caller, d.Requester ?? string.Empty)).ToList();
    }

    /// <summary>Refuses, in one line and before anything is read or changed, unless <paramref name="caller"/> is an admin by <paramref name="policy"/>.</summary>
    /// <param name="policy">The access policy.</param>
    /// <param name="caller">Who is asking.</param>
    /// <param name="action">What was attempted, e.g. "promote models".</param>
    public static void RequireAdmin(IAccessPolicy policy, Principal caller, string action)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(caller);
        if (!policy.IsAdmin(caller))
        {
            throw new TandemException($"only an admin may {action}: the champion reviews everyone's contracts, and you ({caller.UserId}) are not an admin; nothing was changed",
                "ask an admin to do it");
        }
    }

    /// <summary>
    /// Decides whether a retrain for <paramref name="audience"/> is due, as <paramref name="requester"/>
    /// sees the registry: their visible models and decisions, and only the accepted corrections the
    /// audience may read (those the retrain would train on), so nobody's decision counts, names or
    /// acts on what they may not read. The decision carries the requester and the audience.
    /// </summary>
    public static async Task<RetrainDecision> DecideAsync(this IModelRegistry registry, RetrainPolicy retrainPolicy, string backend, Principal requester,
        IReadOnlyCollection<string> audience, ICorrectionStore corrections, IExampleStore examples, IAccessPolicy policy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retrainPolicy);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(examples);
        var access = (await examples.ListAsync(provenance: "correction", cancellationToken: cancellationToken)).ToDictionary(e => e.Id, e => e.Access, StringComparer.Ordinal);
        var accepted = (await corrections.ListAsync(cancellationToken: cancellationToken))
            .Where(c => c.Accepted && access.TryGetValue(c.Correction.ExampleId, out var list) && policy.AudienceCanRead(audience, list))
            .Select(c => c.Correction.CreatedAt).ToList();
        var decision = retrainPolicy.Decide(backend, await registry.ListVisibleAsync(requester, policy, cancellationToken), now, accepted,
            await registry.ListVisibleDecisionsAsync(requester, policy, cancellationToken));
        return decision with { Requester = requester.UserId, Audience = [.. audience] };
    }
}
