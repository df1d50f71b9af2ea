using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// The training examples for every surface: import (JSON Lines or a CUAD folder), list as the
/// caller may read them, list those waiting for the caller's review, and accept or reject one or
/// many (by id, or every pending correction of a report).
/// </summary>
public sealed class ExampleService(ExampleImporter importer, ExampleReview review, ILogger<ExampleService> logger)
{
    /// <summary>Imports a JSON Lines file of the caller's; every bad line is reported and then nothing is imported.</summary>
    public Task<ExampleImport> ImportJsonLinesAsync(string path, Principal caller, CancellationToken cancellationToken = default) =>
        ImportAsync(importer.ReadJsonLines(path, caller), caller, cancellationToken);

    /// <summary>Imports the gold clauses of a CUAD-style folder as curated public examples (admins and reviewers only).</summary>
    public Task<ExampleImport> ImportCuadAsync(string folder, Principal caller, CancellationToken cancellationToken = default) =>
        ImportAsync(importer.ReadCuad(CuadDataset.Load(folder), caller), caller, cancellationToken);

    /// <summary>The examples the caller may read, filtered by category and provenance when given, in insertion order.</summary>
    public Task<IReadOnlyList<TrainingExample>> ListAsync(Principal caller, string? category = null, string? provenance = null, CancellationToken cancellationToken = default) =>
        review.ListAsync(caller, category, provenance, cancellationToken);

    /// <summary>The unreviewed examples the caller may review (not, for a reviewer, corrections of their own).</summary>
    public async Task<IReadOnlyList<TrainingExample>> ListPendingAsync(Principal caller, CancellationToken cancellationToken = default)
    {
        var pending = (await review.ListAsync(caller, cancellationToken: cancellationToken)).Where(e => !e.Reviewed).ToList();
        var refused = (await review.RefusedAsync(caller, pending.Select(e => e.Id).ToList(), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return pending.Where(e => !refused.Contains(e.Id)).ToList();
    }

    /// <summary>
    /// Accepts or rejects (deletes) the examples named by id and, when <paramref name="reportId"/> is
    /// given, every pending correction of that report (which the caller must be able to read),
    /// logging the caller as the reviewer. When the caller may read but not review any of them,
    /// nothing is reviewed and those are named.
    /// </summary>
    public async Task<ExampleDecision> ReviewAsync(Principal caller, IReadOnlyList<string> ids, string? reportId, bool accept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var chosen = ids.ToList();
        if (reportId is not null)
        {
            chosen.AddRange(await review.PendingOfReportAsync(caller, reportId, cancellationToken));
        }
        else if (chosen.Count == 0)
        {
            throw NothingChosen();
        }

        if (await review.RefusedAsync(caller, chosen, cancellationToken) is { Count: > 0 } refused)
        {
            return new ExampleDecision(0, [], refused);
        }

        var (reviewed, notFound) = await review.ReviewAsync(caller, chosen, accept, cancellationToken);
        logger.LogInformation("{Count} examples {Decision} by {User}", reviewed, accept ? "accepted" : "rejected", caller.UserId);
        return new ExampleDecision(reviewed, notFound, []);
    }

    // The surfaces say how to name them; this is the line for a caller of the library.
    private static TandemException NothingChosen() => new("say which examples to review", "give example ids, or a report id for its pending corrections");

    private async Task<ExampleImport> ImportAsync(IReadOnlyList<TrainingExample> examples, Principal caller, CancellationToken cancellationToken)
    {
        var (added, exact, near, pending) = await importer.ImportAsync(examples, caller, cancellationToken);
        logger.LogInformation("{User} imported {Added} examples ({Exact} exact and {Near} near duplicates, {Pending} pending)", caller.UserId, added, exact, near, pending);
        return new ExampleImport(added, exact, near, pending);
    }
}
