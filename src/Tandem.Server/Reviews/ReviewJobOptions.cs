namespace Tandem.Server.Reviews;

/// <summary>When a review runs as a background job, and how many run at once (<c>Tandem:Server:Reviews</c>).</summary>
public sealed class ReviewJobOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tandem:Server:Reviews";

    /// <summary>
    /// A document with more clauses than this is reviewed as a job (202 and a status URL) instead of
    /// within the request; 0 makes every review a job.
    /// </summary>
    public int InlineMaxClauses { get; set; } = 400;

    /// <summary>
    /// Reviews run within requests at once on this node (others wait their turn): reviewing is
    /// CPU-bound, and without a bound a burst of reviews takes every core from searches and chats.
    /// Default: one fewer than the cores, at least one.
    /// </summary>
    public int InlineConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);
}
