using Tandem.Access;

namespace Tandem.Learning;

/// <summary>
/// The exclusions of one kind as one caller may see them: how many, and the ids (with one reason
/// in full) of those the caller may read. Others' items are counted, never named.
/// </summary>
/// <param name="Code">The kind of reason.</param>
/// <param name="Kind">The kind in words ("access guard").</param>
/// <param name="Count">How many items were left out for it, readable or not.</param>
/// <param name="Ids">The ids of those the caller may read, at most <see cref="MaxIds"/>.</param>
/// <param name="ExampleReason">The full reason of the first readable one; null when the caller may read none.</param>
public sealed record ExclusionGroup(ExclusionCode Code, string Kind, int Count, IReadOnlyList<string> Ids, string? ExampleReason)
{
    /// <summary>How many ids a group names at most, so a large exclusion stays a short answer.</summary>
    public const int MaxIds = 20;

    /// <summary>One group per kind, in the order kinds first occur.</summary>
    public static IReadOnlyList<ExclusionGroup> Summarise(IEnumerable<Exclusion> excluded, Principal caller, IAccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(policy);
        return excluded.GroupBy(e => e.Code).Select(group =>
        {
            var readable = group.Where(e => policy.CanRead(caller, e.Access)).ToList();
            return new ExclusionGroup(group.Key, Exclusion.KindOf(group.Key), group.Count(), readable.Take(MaxIds).Select(e => e.Id).ToList(), readable.FirstOrDefault()?.Reason);
        }).ToList();
    }
}
