using Hangfire;
using Tandem.Analysis;
using Tandem.Server.Reviews;

namespace Tandem.Server.Batches;

/// <summary>
/// One contract of a batch, run by Hangfire as the caller who asked. Safe to run again after a node
/// died half way: the report's id is a hash of the document version, playbook, model and side, so
/// a second run replaces the same report, and the batch's field for this contract is overwritten.
/// </summary>
public sealed class BatchReviewJob(ReviewService reviews, BatchQueue batches, NamedPlaybooks playbooks, ILogger<BatchReviewJob> logger)
{
    /// <summary>Reviews the document, saves the report and records the contract's summary in the batch; a failure is recorded too, and final.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string batchId, int index, string source, ReviewJobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = new BatchContract(request.DocumentId, source, BatchContract.Pending);
        try
        {
            var report = await reviews.ReviewDocumentAsync(request.DocumentId, request.ToReviewRequest(playbooks), request.Caller(), cancellationToken: cancellationToken);
            batches.Record(batchId, index, contract.Done(ContractSummary.Of(report)));
        }
        catch (TandemException e)
        {
            // The user's input (a party the contract does not name, a model not configured): this contract's line, and the batch goes on.
            batches.Record(batchId, index, contract with { Status = BatchContract.Failed, Error = e.ToUserMessage() });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Batch {BatchId}: the review of {DocumentId} failed", batchId, request.DocumentId);
            batches.Record(batchId, index, contract with { Status = BatchContract.Failed, Error = "the review failed on the server; the server's log has the details" });
            throw;
        }
    }
}
