using Tandem.Access;

namespace Tandem.Server.Uploads;

/// <summary>
/// Staged uploads waiting in the job queue, with the identity of the caller who sent them: the job
/// ingests as that caller, and only they (or an admin) may read its status.
/// </summary>
/// <param name="StagingId">Where the files wait (<see cref="Store.IUploadStaging"/>).</param>
/// <param name="UserId">The caller.</param>
/// <param name="Groups">The caller's groups when they uploaded.</param>
/// <param name="Access">The access list the caller asked for, as tokens; null for the caller alone.</param>
/// <param name="Files">How many files were staged.</param>
public sealed record UploadIngestRequest(string StagingId, string UserId, IReadOnlyList<string> Groups, IReadOnlyList<string>? Access, int Files)
{
    /// <summary>The caller the job runs as.</summary>
    public Principal Caller() => new(UserId, Groups);

    /// <summary>The access list to ingest with.</summary>
    public AccessList? AccessList() => Access is null ? null : Tandem.Access.AccessList.Parse(string.Join(',', Access));
}
