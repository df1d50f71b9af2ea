namespace Tandem.Learning;

/// <summary>Where corrections are kept, beside the example store.</summary>
public interface ICorrectionStore
{
    /// <summary>
    /// Keeps a correction and its (unreviewed) training example in one transaction. False when the
    /// same correction was already recorded.
    /// </summary>
    Task<bool> AddAsync(Correction correction, TrainingExample example, CancellationToken cancellationToken = default);

    /// <summary>Corrections (of one report when given), oldest first, with their examples' review state.</summary>
    Task<IReadOnlyList<RecordedCorrection>> ListAsync(string? reportId = null, CancellationToken cancellationToken = default);
}
