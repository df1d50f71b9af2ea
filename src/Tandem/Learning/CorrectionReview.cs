namespace Tandem.Learning;

/// <summary>What came of a reviewer's decision on one correction.</summary>
public enum CorrectionReview
{
    /// <summary>Accepted: its training example now trains models.</summary>
    Accepted,

    /// <summary>Rejected: its training example was deleted.</summary>
    Rejected,

    /// <summary>No such correction, or one on a report the caller may not read (the same answer for both).</summary>
    NotFound,

    /// <summary>The caller may read it but not review it: not its document's owner, an admin, or a reviewer other than its author.</summary>
    NotAllowed,

    /// <summary>It was accepted or rejected before; a decision is not taken twice.</summary>
    AlreadyReviewed,
}
