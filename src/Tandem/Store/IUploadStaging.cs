namespace Tandem.Store;

/// <summary>
/// Uploaded files kept in the store until a background job ingests them: the one place every node
/// of a deployment reaches (the database), so the node that received an upload need not be the one
/// that ingests it. Files are kept whole or not at all, readable only by the user who uploaded
/// them, and removed once ingested.
/// </summary>
public interface IUploadStaging
{
    /// <summary>Keeps <paramref name="files"/> (all, or none on failure) for <paramref name="owner"/>; returns the staging id.</summary>
    Task<string> StageAsync(string owner, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default);

    /// <summary>The staged files in upload order; null when nothing is staged under the id for <paramref name="owner"/> (gone, or someone else's).</summary>
    Task<IReadOnlyList<StagedFile>?> ReadAsync(string stagingId, string owner, CancellationToken cancellationToken = default);

    /// <summary>Removes the staged files; false when there were none (already removed).</summary>
    Task<bool> RemoveAsync(string stagingId, CancellationToken cancellationToken = default);
}
