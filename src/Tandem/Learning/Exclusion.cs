namespace Tandem.Learning;

/// <summary>
/// Something left out of a dataset or a retraining, and why. Its access list goes with it, so a
/// surface names only what its caller may read and counts the rest.
/// </summary>
/// <param name="Id">The example or report left out.</param>
/// <param name="Kind">The kind of reason, to count by: "access guard", "leak check", "near duplicate", "not reviewed", ...</param>
/// <param name="Reason">The reason in full; it names nothing beyond the item itself.</param>
/// <param name="Access">Who may read the item (its documents' access tokens).</param>
public sealed record Exclusion(string Id, string Kind, string Reason, IReadOnlyList<string> Access);
