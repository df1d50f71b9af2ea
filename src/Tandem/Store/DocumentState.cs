namespace Tandem.Store;

/// <summary>A document as it stands, without its text: what an index needs to know to keep up with it.</summary>
/// <param name="DocumentId">Stable document id.</param>
/// <param name="Title">The current version's title.</param>
/// <param name="Version">The current version number.</param>
/// <param name="Retired">Whether it is retired (its clauses are then searched by nobody).</param>
/// <param name="Access">Its access list: sorted tokens (user:x, group:y).</param>
public sealed record DocumentState(string DocumentId, string Title, int Version, bool Retired, IReadOnlyList<string> Access);
