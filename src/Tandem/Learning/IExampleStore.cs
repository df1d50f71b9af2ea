namespace Tandem.Learning;

/// <summary>Where training examples are kept.</summary>
public interface IExampleStore
{
    /// <summary>Adds examples in one transaction; exact duplicates (same id) are skipped. Returns how many were added.</summary>
    Task<int> AddAsync(IReadOnlyList<TrainingExample> examples, CancellationToken cancellationToken = default);

    /// <summary>Examples, filtered by category and provenance when given, in insertion order.</summary>
    Task<IReadOnlyList<TrainingExample>> ListAsync(string? category = null, string? provenance = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks an example reviewed (accepted) or deletes it (rejected), and keeps who decided and
    /// when in the review log; false when the id is unknown.
    /// </summary>
    Task<bool> ReviewAsync(string id, bool accept, string reviewer, CancellationToken cancellationToken = default);
}
