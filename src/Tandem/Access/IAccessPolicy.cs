namespace Tandem.Access;

/// <summary>
/// Who may read, change, review and train on what: the one access policy every surface asks
/// (stores, reports, examples, datasets, retraining, the model registry, the usage ledger). Its
/// SQL form, used inside store queries, is "the caller is an admin, or the document's access list
/// holds one of <see cref="ReadTokens"/>"; a test checks the two agree on a table of cases. One
/// member more than the house limit of six: reviewing is its own question, and folding it into
/// another would hide it.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>Whether the principal administers the knowledge base: reads everything, changes any document's access list, names any audience.</summary>
    bool IsAdmin(Principal principal);

    /// <summary>The tokens that let the principal read a list holding any of them: its own, its groups' and the public token.</summary>
    IReadOnlyList<string> ReadTokens(Principal principal);

    /// <summary>Whether the principal may read something with this access list. An empty list: nobody but admins.</summary>
    bool CanRead(Principal principal, IReadOnlyCollection<string> accessList);

    /// <summary>
    /// Whether the principal may act as the owner of something owned by <paramref name="owner"/>:
    /// add versions of a document or change its access list, see its history, see a user's own
    /// records (usage, retraining decisions). Its owner and admins; readers may not.
    /// </summary>
    bool CanChange(Principal principal, string owner);

    /// <summary>
    /// Whether the principal may review (accept into training, or reject and delete) an example
    /// with this access list, written by <paramref name="author"/>. Admins may; the owner of the
    /// document a correction was recorded on (<paramref name="documentOwner"/>) may; a reviewer
    /// who may read it may, except a correction of their own. An import has no document owner
    /// (null): admins and reviewers review it, their own imports included, which is also who may
    /// import examples as already reviewed.
    /// </summary>
    bool CanReview(Principal principal, IReadOnlyCollection<string> accessList, string author, string? documentOwner);

    /// <summary>Whether the principal may train for this audience: it belongs to every token of it (or is an admin).</summary>
    bool CanNameAudience(Principal principal, IReadOnlyCollection<string> audience);

    /// <summary>
    /// Whether everyone an audience stands for may read something with this access list: every
    /// audience token is on the list (a member of group:x is only known to hold group:x), or the
    /// list is public. An empty audience reads nothing.
    /// </summary>
    bool AudienceCanRead(IReadOnlyCollection<string> audience, IReadOnlyCollection<string> accessList);
}
