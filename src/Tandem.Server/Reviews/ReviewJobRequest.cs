using Tandem.Access;
using Tandem.Analysis;

namespace Tandem.Server.Reviews;

/// <summary>
/// A review waiting in the job queue, with the identity of the caller who asked for it: the job
/// runs as that caller, and only they (or an admin) may read its status.
/// </summary>
/// <param name="DocumentId">The stored document to review.</param>
/// <param name="UserId">The caller.</param>
/// <param name="Groups">The caller's groups when they asked.</param>
/// <param name="ForParty">The side under review; null for the receiving side.</param>
/// <param name="ContractKind">The kind of contract; null to detect it.</param>
/// <param name="IncludeInfo">Include informational findings.</param>
/// <param name="Model">A configured LLM to review with; null for the local analyst.</param>
/// <param name="Strategy">With <paramref name="Model"/>: a built-in prompt strategy.</param>
public sealed record ReviewJobRequest(string DocumentId, string UserId, IReadOnlyList<string> Groups, string? ForParty, string? ContractKind,
    bool IncludeInfo, string? Model, string Strategy)
{
    /// <summary>The job request for a review of <paramref name="documentId"/> by <paramref name="caller"/>.</summary>
    public static ReviewJobRequest For(string documentId, ReviewRequest request, Principal caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        return new ReviewJobRequest(documentId, caller.UserId, caller.Groups, request.Options.ForParty, request.Options.ContractKind, request.Options.IncludeInfo,
            request.Model, request.Strategy);
    }

    /// <summary>The caller the job runs as.</summary>
    public Principal Caller() => new(UserId, Groups);

    /// <summary>The review as the library takes it.</summary>
    public ReviewRequest ToReviewRequest() => new()
    {
        Options = new AnalysisOptions { ForParty = ForParty, ContractKind = ContractKind, IncludeInfo = IncludeInfo },
        Model = Model,
        Strategy = Strategy,
    };
}
