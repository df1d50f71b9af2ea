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
/// <param name="Playbook">The server's playbook to review with, by name (every node has the same ones); null for the standard one.</param>
public sealed record ReviewJobRequest(string DocumentId, string UserId, IReadOnlyList<string> Groups, string? ForParty, string? ContractKind,
    bool IncludeInfo, string? Model, string Strategy, string? Playbook = null)
{
    /// <summary>The job request for a review of <paramref name="documentId"/> by <paramref name="caller"/> with one of <paramref name="playbooks"/>.</summary>
    public static ReviewJobRequest For(string documentId, ReviewRequest request, Principal caller, NamedPlaybooks playbooks)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(playbooks);
        var playbook = playbooks.NameOf(request.PlaybookPath) ?? throw new InvalidOperationException("a queued review's playbook must be one of the server's");
        return new ReviewJobRequest(documentId, caller.UserId, caller.Groups, request.Options.ForParty, request.Options.ContractKind, request.Options.IncludeInfo,
            request.Model, request.Strategy, playbook);
    }

    /// <summary>The caller the job runs as.</summary>
    public Principal Caller() => new(UserId, Groups);

    /// <summary>The review as the library takes it, with its playbook found among <paramref name="playbooks"/>.</summary>
    public ReviewRequest ToReviewRequest(NamedPlaybooks playbooks) => new()
    {
        PlaybookPath = playbooks?.Get(Playbook).Path ?? throw new ArgumentNullException(nameof(playbooks)),
        Options = new AnalysisOptions { ForParty = ForParty, ContractKind = ContractKind, IncludeInfo = IncludeInfo },
        Model = Model,
        Strategy = Strategy,
    };
}
