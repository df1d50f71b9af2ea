using Tandem.Access;

namespace Tandem.Learning;

/// <summary>
/// The training examples as one caller sees them: listed, exported and reviewed only where the
/// access policy lets the caller read the documents they come from. An example or a report the
/// caller may not read is "not found", exactly like one that does not exist.
/// </summary>
public sealed class ExampleReview(IExampleStore examples, ICorrectionStore corrections, CorrectionRecorder reports, IAccessPolicy policy)
{
    /// <summary>What <see cref="TrainingExample.NearDuplicateOf"/> shows when the twin is an example the caller may not read.</summary>
    public const string HiddenTwin = "hidden";

    /// <summary>The examples the caller may read, filtered by category and provenance when given, in insertion order.</summary>
    public async Task<IReadOnlyList<TrainingExample>> ListAsync(Principal caller, string? category = null, string? provenance = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var readable = (await examples.ListAsync(cancellationToken: cancellationToken)).Where(e => policy.CanRead(caller, e.Access)).ToList();
        var ids = readable.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return readable
            .Where(e => (category is null || e.Category == category) && (provenance is null || e.Provenance == provenance))
            .Select(e => e.NearDuplicateOf is { } twin && !ids.Contains(twin) ? e with { NearDuplicateOf = HiddenTwin } : e)
            .ToList();
    }

    /// <summary>
    /// Accepts or rejects (deletes) the examples the caller may read, logging the caller as the
    /// reviewer. Returns how many were reviewed and the ids not found (missing or not readable).
    /// </summary>
    public async Task<(int Reviewed, IReadOnlyList<string> NotFound)> ReviewAsync(Principal caller, IReadOnlyList<string> ids, bool accept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var readable = (await ListAsync(caller, cancellationToken: cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var notFound = new List<string>();
        var reviewed = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (readable.Contains(id) && await examples.ReviewAsync(id, accept, caller.UserId, cancellationToken))
            {
                reviewed++;
            }
            else
            {
                notFound.Add(id);
            }
        }

        return (reviewed, notFound);
    }

    /// <summary>The examples of a report's pending corrections; the report must be one the caller may read.</summary>
    public async Task<IReadOnlyList<string>> PendingOfReportAsync(Principal caller, string reportId, CancellationToken cancellationToken = default)
    {
        _ = await reports.LoadAsync(reportId, caller, cancellationToken);
        return (await corrections.ListAsync(reportId, cancellationToken)).Where(c => c.Review == "pending").Select(c => c.Correction.ExampleId).ToList();
    }
}
