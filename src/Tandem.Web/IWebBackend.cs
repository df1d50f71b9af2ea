using System.Security.Claims;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Store;
using Tandem.Web.Reviews;

namespace Tandem.Web;

/// <summary>
/// What the pages need from the server that hosts them: its caller identity and its review
/// queues, the same ones the API endpoints use. The server implements it; the web app cannot
/// reference the server (the server references the web app to map it).
/// </summary>
public interface IWebBackend
{
    /// <summary>The verified caller of a signed-in request, as the API endpoints read it.</summary>
    Principal CallerOf(ClaimsPrincipal user);

    /// <summary>The claims the server issues for a verified API key, for the sign-in cookie.</summary>
    ClaimsIdentity IdentityOf(ApiKey key, string authenticationType);

    /// <summary>Ingests one upload as the caller's document and reviews it, or queues the review (as POST /api/reviews).</summary>
    Task<WebReview> ReviewAsync(UploadedFile file, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>Ingests the uploads and queues one review per contract (as POST /api/batches); the batch's id.</summary>
    Task<string> ReviewBatchAsync(IReadOnlyList<UploadedFile> files, ReviewRequest request, Principal caller, CancellationToken cancellationToken = default);

    /// <summary>A batch's progress; null when it does not exist or is not the caller's.</summary>
    WebBatch? GetBatch(string batchId, Principal caller);

    /// <summary>A queued review's progress; null when it does not exist or is not the caller's.</summary>
    WebReview? GetJob(string jobId, Principal caller);
}
