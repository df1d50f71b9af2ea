using Tandem.Access;
using Tandem.Store;

namespace Tandem.Learning;

/// <summary>
/// The training examples as one caller sees them: listed, exported and reviewed only where the
/// access policy lets the caller read the documents they come from. An example or a report the
/// caller may not read is "not found", exactly like one that does not exist; one the caller may
/// read but not review (<see cref="IAccessPolicy.CanReview"/>) is refused, and nothing is reviewed.
/// </summary>
public sealed class ExampleReview(IExampleStore examples, ICorrectionStore corrections, CorrectionRecorder reports, IDocumentStore documents, IAccessPolicy policy)
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
    /// When the caller may not review one of those it may read, nothing is reviewed: the refusal
    /// names them.
    /// </summary>
    public async Task<(int Reviewed, IReadOnlyList<string> NotFound)> ReviewAsync(Principal caller, IReadOnlyList<string> ids, bool accept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var readable = (await ListAsync(caller, cancellationToken: cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var chosen = ids.Distinct(StringComparer.Ordinal).ToList();
        if (await RefusedAsync(caller, chosen, readable, cancellationToken) is { Count: > 0 } refused)
        {
            throw Refusal(caller, refused);
        }

        var notFound = new List<string>();
        var reviewed = 0;
        foreach (var id in chosen)
        {
            if (readable.ContainsKey(id) && await examples.ReviewAsync(id, accept, caller.UserId, cancellationToken))
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

    /// <summary>Of <paramref name="ids"/>, those the caller may read but not review (missing and unreadable ones are not refused: they are not found).</summary>
    public async Task<IReadOnlyList<string>> RefusedAsync(Principal caller, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var readable = (await ListAsync(caller, cancellationToken: cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        return await RefusedAsync(caller, ids.Distinct(StringComparer.Ordinal).ToList(), readable, cancellationToken);
    }

    /// <summary>The one answer to a caller who may not review some of the examples they chose.</summary>
    public static TandemException Refusal(Principal caller, IReadOnlyList<string> refused)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(refused);
        return new TandemException(
            $"you ({caller.UserId}) may not review {string.Join(", ", refused)}: a correction is reviewed by its document's owner, an admin, or a reviewer other than its author, and an import by an admin or a reviewer; nothing was reviewed",
            "ask the document's owner, an admin or a reviewer to review it");
    }

    /// <summary>The examples of a report's pending corrections; the report must be one the caller may read.</summary>
    public async Task<IReadOnlyList<string>> PendingOfReportAsync(Principal caller, string reportId, CancellationToken cancellationToken = default)
    {
        _ = await reports.LoadAsync(reportId, caller, cancellationToken);
        return (await corrections.ListAsync(reportId, cancellationToken)).Where(c => c.Review == "pending").Select(c => c.Correction.ExampleId).ToList();
    }

    private async Task<IReadOnlyList<string>> RefusedAsync(Principal caller, List<string> chosen, Dictionary<string, TrainingExample> readable, CancellationToken cancellationToken)
    {
        var owners = await CorrectedDocumentOwnersAsync(caller, chosen.Where(readable.ContainsKey).ToHashSet(StringComparer.Ordinal), cancellationToken);
        return chosen.Where(id => readable.TryGetValue(id, out var e) && !policy.CanReview(caller, e.Access, e.Author, owners.GetValueOrDefault(id))).ToList();
    }

    /// <summary>
    /// For the chosen examples that were recorded as corrections (not imported), the owner of the
    /// corrected document: empty when the caller may no longer read it, so only admins and other
    /// reviewers review it then.
    /// </summary>
    private async Task<Dictionary<string, string?>> CorrectedDocumentOwnersAsync(Principal caller, IReadOnlySet<string> exampleIds, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var recorded in (await corrections.ListAsync(cancellationToken: cancellationToken)).Where(c => exampleIds.Contains(c.Correction.ExampleId)))
        {
            var document = await documents.GetDocumentAsync(recorded.Correction.DocumentId, caller, cancellationToken);
            owners[recorded.Correction.ExampleId] = document?.Owner ?? string.Empty;
        }

        return owners;
    }
}
