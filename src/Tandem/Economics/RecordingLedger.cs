namespace Tandem.Economics;

/// <summary>Passes entries on to a ledger and keeps them, so a run can report its own usage.</summary>
public sealed class RecordingLedger(IUsageLedger inner) : IUsageLedger
{
    private readonly List<UsageEntry> _entries = [];

    public IReadOnlyList<UsageEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <inheritdoc />
    public async Task RecordAsync(UsageEntry entry, CancellationToken cancellationToken = default)
    {
        await inner.RecordAsync(entry, cancellationToken);
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UsageEntry>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => inner.ListAsync(since, cancellationToken);
}
