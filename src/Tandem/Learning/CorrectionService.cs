using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// Corrections of stored reports for every surface: record one (false positive, category or
/// severity change, new rationale, narrowed quote, missed finding; the caller is its author and the
/// clock its time), list them as the caller may see them (only on reports whose document the
/// caller may read), and accept or reject one. A correction the caller may not see is "not found",
/// exactly like one that does not exist.
/// </summary>
public sealed class CorrectionService(CorrectionRecorder recorder, ICorrectionStore corrections, IReportStore reports, ExampleReview examples,
    ILogger<CorrectionService> logger)
{
    /// <summary>The review states a correction can be listed by.</summary>
    public static IReadOnlyList<string> States { get; } = ["pending", "accepted", "rejected"];

    /// <summary>Records the correction on the report; returns it and whether it was new (false: the same correction was already recorded).</summary>
    public async Task<(Correction Correction, bool Added)> CorrectAsync(string reportId, CorrectionRequest request, Principal caller, CancellationToken cancellationToken = default)
    {
        var (correction, added) = await recorder.CorrectAsync(reportId, request, caller, cancellationToken);
        if (added)
        {
            logger.LogInformation("Correction {CorrectionId} ({Kind}) recorded on report {ReportId} by {User}", correction.Id, correction.Kind, reportId, caller.UserId);
        }

        return (correction, added);
    }

    /// <summary>The report with its corrections; a report the caller may not read is the same error as a missing one.</summary>
    public async Task<ReportCorrections> ListOfReportAsync(string reportId, Principal caller, CancellationToken cancellationToken = default)
    {
        var report = await recorder.LoadAsync(reportId, caller, cancellationToken);
        return new ReportCorrections(report, await corrections.ListAsync(reportId, cancellationToken));
    }

    /// <summary>
    /// The corrections on reports the caller may read, oldest first; only those in <paramref name="status"/>
    /// (<see cref="States"/>) when given.
    /// </summary>
    public async Task<IReadOnlyList<RecordedCorrection>> ListAsync(Principal caller, string? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (status is not null && !States.Contains(status, StringComparer.Ordinal))
        {
            throw new TandemException($"unknown correction status '{status}'", $"use one of: {string.Join(", ", States)}");
        }

        var all = (await corrections.ListAsync(cancellationToken: cancellationToken)).Where(c => status is null || c.Review == status).ToList();
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reportId in all.Select(c => c.Correction.ReportId).Distinct(StringComparer.Ordinal))
        {
            // The report store checks the caller against the report's document inside its query.
            if (await reports.GetAsync(reportId, caller, cancellationToken) is not null)
            {
                readable.Add(reportId);
            }
        }

        return all.Where(c => readable.Contains(c.Correction.ReportId)).ToList();
    }

    /// <summary>One correction, if it is on a report the caller may read; null otherwise (no difference between "absent" and "not yours").</summary>
    public async Task<RecordedCorrection?> GetAsync(string correctionId, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var recorded = (await corrections.ListAsync(cancellationToken: cancellationToken)).FirstOrDefault(c => c.Correction.Id == correctionId);
        return recorded is not null && await reports.GetAsync(recorded.Correction.ReportId, caller, cancellationToken) is not null ? recorded : null;
    }

    /// <summary>
    /// Accepts (its example trains) or rejects (its example is deleted) a pending correction,
    /// logging the caller as the reviewer. Who may: the document's owner, an admin, or a reviewer
    /// who may read it and did not write it (<see cref="IAccessPolicy.CanReview"/>).
    /// </summary>
    public async Task<CorrectionReview> ReviewAsync(string correctionId, bool accept, Principal caller, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(correctionId, caller, cancellationToken) is not { } recorded)
        {
            return CorrectionReview.NotFound;
        }

        if (recorded.Review != "pending")
        {
            return CorrectionReview.AlreadyReviewed;
        }

        string[] example = [recorded.Correction.ExampleId];
        if ((await examples.RefusedAsync(caller, example, cancellationToken)).Count > 0)
        {
            return CorrectionReview.NotAllowed;
        }

        var (reviewed, _) = await examples.ReviewAsync(caller, example, accept, cancellationToken);
        if (reviewed == 0)
        {
            // Its example is one the caller may no longer read (the document's access list narrowed since).
            return CorrectionReview.NotFound;
        }

        logger.LogInformation("Correction {CorrectionId} {Decision} by {User}", correctionId, accept ? "accepted" : "rejected", caller.UserId);
        return accept ? CorrectionReview.Accepted : CorrectionReview.Rejected;
    }
}
