using System.Security.Claims;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Server.Batches;
using Tandem.Server.Identity;
using Tandem.Server.Reviews;
using Tandem.Store;
using Tandem.Web;
using Tandem.Web.Reviews;

namespace Tandem.Server.WebApp;

/// <summary>The server's half of the web app: the API's identity claims and review queues, unchanged.</summary>
internal sealed class ServerWebBackend(ReviewQueue reviews, BatchQueue batches) : IWebBackend
{
    public Principal CallerOf(ClaimsPrincipal user) => CallerPrincipal.FromClaims(user);

    public ClaimsIdentity IdentityOf(ApiKey key, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = CallerPrincipal.ToIdentity(key.ToPrincipal(), authenticationType);
        identity.AddClaim(new Claim(CallerPrincipal.KeyIdClaim, key.KeyId));
        return identity;
    }

    public async Task<WebReview> ReviewAsync(UploadedFile file, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default)
    {
        var submitted = await reviews.SubmitUploadAsync(file, null, request, caller, cancellationToken);
        return submitted.Report is { } report
            ? new WebReview(report.ReportId, null, ReviewJobStatus.Succeeded)
            : Of(submitted.Job!);
    }

    public async Task<string> ReviewBatchAsync(IReadOnlyList<UploadedFile> files, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default) =>
        (await batches.SubmitUploadsAsync(files, null, request, caller, cancellationToken)).BatchId;

    public WebBatch? GetBatch(string batchId, Principal caller) =>
        batches.Get(batchId, caller) is { } batch
            ? new WebBatch(batch.BatchId, batch.Status == BatchStatus.Completed, batch.Total, batch.Done, batch.Failed,
                batch.Contracts.Select(c => new WebBatchContract(Path.GetFileName(c.Source), c.Status, c.ReportId, c.HighestRisks ?? [], c.Error)).ToList())
            : null;

    public WebReview? GetJob(string jobId, Principal caller) => reviews.GetStatus(jobId, caller) is { } status ? Of(status) : null;

    private static WebReview Of(ReviewJobStatus status) => new(status.ReportId, status.JobId, status.Status, status.Error, status.Progress);
}
