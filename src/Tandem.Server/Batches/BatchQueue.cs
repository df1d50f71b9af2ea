using System.Globalization;
using System.Text.Json;
using Hangfire;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Reporting;
using Tandem.Server.Reviews;
using Tandem.Store;

namespace Tandem.Server.Batches;

/// <summary>
/// Batch reviews: a set of contracts (uploaded, or stored documents the caller may read) reviewed
/// as one Hangfire job per contract, each running as the caller who asked. The batch is kept in the
/// job storage beside its jobs (a hash per batch: who asked, when, and one field per contract that
/// its job overwrites with the result), so every node sees it; a job that dies and runs again
/// writes the same report id and the same field, never a second one. Only the caller who asked (or
/// an admin) may read a batch: to anyone else it is "not found", like one that does not exist.
/// </summary>
public sealed class BatchQueue(DocumentIngestor ingestor, IDocumentStore store, IAccessPolicy policy, IBackgroundJobClient jobs, JobStorage storage,
    TimeProvider time, NamedPlaybooks playbooks, ILogger<BatchQueue> logger)
{
    /// <summary>The most contracts one batch may hold; a data room larger than this is sent as several batches.</summary>
    public const int MaxContracts = 10_000;

    private const string OwnerField = "owner";
    private const string CreatedField = "created";
    private const string ContractPrefix = "contract:";

    /// <summary>Ingests the uploaded files as the caller's documents (all read before any is stored), then queues their reviews.</summary>
    public async Task<BatchStatus> SubmitUploadsAsync(IReadOnlyList<UploadedFile> files, AccessList? access, ReviewRequest request, Principal caller,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        Limit(files.Count);
        var ingested = await ingestor.IngestUploadsAsync(files, caller, access, cancellationToken);
        return Submit(ingested.Select(i => (i.DocumentId, i.Source)).ToList(), request, caller);
    }

    /// <summary>Queues reviews of stored documents; null, and nothing queued, when one of them is not a document the caller may read.</summary>
    public async Task<BatchStatus?> SubmitDocumentsAsync(IReadOnlyList<string> documentIds, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        Limit(documentIds.Count);
        var documents = new List<(string, string)>(documentIds.Count);
        foreach (var id in documentIds)
        {
            if (await store.GetDocumentAsync(id, caller, cancellationToken) is not { } document)
            {
                return null;
            }

            documents.Add((document.DocumentId, document.Source));
        }

        return Submit(documents, request, caller);
    }

    /// <summary>The batch, if the caller asked for it or is an admin; null otherwise (no difference between "absent" and "not yours").</summary>
    public BatchStatus? Get(string batchId, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!IsBatchId(batchId))
        {
            return null;
        }

        using var connection = storage.GetConnection();
        var fields = connection.GetAllEntriesFromHash(Key(batchId));
        if (fields is null || !fields.TryGetValue(OwnerField, out var owner) || (owner != caller.UserId && !policy.IsAdmin(caller)))
        {
            return null;
        }

        var contracts = fields.Where(f => f.Key.StartsWith(ContractPrefix, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<BatchContract>(f.Value, ReportJson.Options)!).ToList();
        var done = contracts.Count(c => c.Status == BatchContract.Reviewed);
        var failed = contracts.Count(c => c.Status == BatchContract.Failed);
        return new BatchStatus(batchId, done + failed == contracts.Count ? BatchStatus.Completed : BatchStatus.Running, contracts.Count, done, failed,
            DateTimeOffset.Parse(fields[CreatedField], CultureInfo.InvariantCulture), contracts);
    }

    /// <summary>Where a batch is read.</summary>
    public static string Url(string batchId) => $"/api/batches/{Uri.EscapeDataString(batchId)}";

    /// <summary>Keeps the outcome of one contract of a batch (its job's last word), replacing what was there.</summary>
    internal void Record(string batchId, int index, BatchContract contract)
    {
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(Key(batchId), [new(Field(index), JsonSerializer.Serialize(contract, ReportJson.Options))]);
    }

    private BatchStatus Submit(IReadOnlyList<(string DocumentId, string Source)> documents, ReviewRequest request, Principal caller)
    {
        // The same contract twice in one batch is reviewed once.
        var unique = documents.DistinctBy(d => d.DocumentId, StringComparer.Ordinal).ToList();
        var batchId = "bat_" + Guid.NewGuid().ToString("N");
        var created = time.GetUtcNow();
        var contracts = unique.Select(d => new BatchContract(d.DocumentId, d.Source, BatchContract.Pending)).ToList();
        // Written before any job is queued, so the batch's total is right from its first read.
        using (var connection = storage.GetConnection())
        {
            connection.SetRangeInHash(Key(batchId), new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [OwnerField] = caller.UserId,
                [CreatedField] = created.ToString("O", CultureInfo.InvariantCulture),
            }.Concat(contracts.Select((c, i) => new KeyValuePair<string, string>(Field(i), JsonSerializer.Serialize(c, ReportJson.Options)))));
        }

        for (var i = 0; i < unique.Count; i++)
        {
            var asked = ReviewJobRequest.For(unique[i].DocumentId, request, caller, playbooks);
            var index = i;
            jobs.Enqueue<BatchReviewJob>(job => job.RunAsync(batchId, index, unique[index].Source, asked, CancellationToken.None));
        }

        logger.LogInformation("Queued batch {BatchId} of {Contracts} contracts for {User}", batchId, unique.Count, caller.UserId);
        return new BatchStatus(batchId, BatchStatus.Running, contracts.Count, 0, 0, created, contracts);
    }

    private static void Limit(int count)
    {
        if (count == 0)
        {
            throw new TandemException("the batch has no contracts", "send the contracts as multipart/form-data (one part per file), or {\"documentIds\": [...]}");
        }

        if (count > MaxContracts)
        {
            throw new TandemException($"a batch holds at most {MaxContracts:N0} contracts, not {count:N0}", "send them as several batches");
        }
    }

    private static bool IsBatchId(string? id) => id is { Length: 36 } && id.StartsWith("bat_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    private static string Key(string batchId) => "tandem-batch:" + batchId;

    private static string Field(int index) => ContractPrefix + index.ToString("D5", CultureInfo.InvariantCulture);
}
