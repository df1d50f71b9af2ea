namespace Tandem.Access;

/// <summary>
/// Who may read, change and train on what: the one access policy every surface asks (stores,
/// reports, examples, datasets, retraining). Its SQL form, used inside store queries, is "the
/// caller is an admin, or the document's access list holds one of <see cref="ReadTokens"/>";
/// a test checks the two agree on a table of cases.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>Whether the principal administers the knowledge base: reads everything, changes any document's access list, names any audience.</summary>
    bool IsAdmin(Principal principal);

    /// <summary>The tokens that let the principal read a list holding any of them: its own, its groups' and the public token.</summary>
    IReadOnlyList<string> ReadTokens(Principal principal);

    /// <summary>Whether the principal may read something with this access list. An empty list: nobody but admins.</summary>
    bool CanRead(Principal principal, IReadOnlyCollection<string> accessList);

    /// <summary>Whether the principal may add versions of a document owned by <paramref name="owner"/> or change its access list (its owner and admins; readers may not).</summary>
    bool CanChange(Principal principal, string owner);

    /// <summary>Whether the principal may train for this audience: it belongs to every token of it (or is an admin).</summary>
    bool CanNameAudience(Principal principal, IReadOnlyCollection<string> audience);

    /// <summary>
    /// Whether everyone an audience stands for may read something with this access list: every
    /// audience token is on the list (a member of group:x is only known to hold group:x), or the
    /// list is public. An empty audience reads nothing.
    /// </summary>
    bool AudienceCanRead(IReadOnlyCollection<string> audience, IReadOnlyCollection<string> accessList);
}
