namespace Tandem.Store;

/// <summary>What an ingest did to the store.</summary>
public enum IngestOutcome
{
    /// <summary>A document the store had not seen: version 1.</summary>
    Created,
    /// <summary>The content changed: a new version, the old one kept.</summary>
    NewVersion,
    /// <summary>Same content as the newest version: nothing changed.</summary>
    Unchanged,
    /// <summary>A retired document came back (same content): it is live again.</summary>
    Restored,
    /// <summary>Same content, a new access list (recorded as an access event).</summary>
    AccessChanged,
}
