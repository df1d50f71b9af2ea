namespace Tandem.Economics;

/// <summary>Where metered model calls are recorded, for cost reports and the ROI calculator.</summary>
public interface IUsageLedger
{
    /// <summary>Appends one entry.</summary>
    Task RecordAsync(UsageEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<UsageEntry>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
