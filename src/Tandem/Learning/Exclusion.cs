namespace Tandem.Learning;

/// <summary>
/// Something left out of a dataset or a retraining, and why. Its access list goes with it, so a
/// surface names only what its caller may read and counts the rest (<see cref="ExclusionGroup.Summarise"/>).
/// </summary>
/// <param name="Id">The example or report left out.</param>
/// <param name="Code">The kind of reason, to count by.</param>
/// <param name="Reason">The reason in full; it names nothing beyond the item itself.</param>
/// <param name="Access">Who may read the item (its documents' access tokens).</param>
public sealed record Exclusion(string Id, ExclusionCode Code, string Reason, IReadOnlyList<string> Access)
{
    /// <summary>The kind of reason in words, as the CLI prints it: "access guard", "near duplicates", ...</summary>
    public string Kind => KindOf(Code);

    /// <summary>The words for <paramref name="code"/>.</summary>
    public static string KindOf(ExclusionCode code) => code switch
    {
        ExclusionCode.NotReviewed => "not reviewed",
        ExclusionCode.NearDuplicate => "near duplicates",
        ExclusionCode.AccessGuard => "access guard",
        ExclusionCode.LeakCheck => "leak check",
        ExclusionCode.HeldOut => "held out",
        ExclusionCode.NoContext => "no context",
        ExclusionCode.PartialReport => "partial report",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
