using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Tandem.Reporting;
using Tandem.Store;

namespace Tandem.Server.Uploads;

/// <summary>
/// The background job that ingests staged uploads as the caller who sent them. Safe to run again
/// after its node died: ingesting the same bytes again adds no version (the store keys versions by
/// content hash), the results are kept as a job parameter before the staged files are removed, and
/// a run that finds them removed returns the kept results.
/// </summary>
public sealed class UploadIngestJob(IUploadStaging staging, DocumentIngestor ingestor, ILogger<UploadIngestJob> logger)
{
    /// <summary>The job parameter holding the one-line error of an upload that failed on the user's input.</summary>
    public const string ErrorParameter = "tandem-error";

    /// <summary>The job parameter holding the results, kept before the staged files are removed.</summary>
    public const string ResultsParameter = "tandem-ingested";

    /// <summary>Ingests the staged files and removes them; returns the results as JSON (<see cref="IngestResult"/>s).</summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail, ExceptOn = [typeof(TandemException)])]
    public async Task<string> RunAsync(UploadIngestRequest request, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await staging.ReadAsync(request.StagingId, request.UserId, cancellationToken) is not { } files)
        {
            // Removed by an earlier run that died before its success was recorded.
            return context?.GetJobParameter<string>(ResultsParameter)
                ?? throw new TandemException("the uploaded files are no longer staged", "upload them again");
        }

        try
        {
            var results = await ingestor.IngestUploadsAsync(files.Select(f => f.ToUpload()).ToList(), request.Caller(), request.AccessList(), cancellationToken);
            var json = JsonSerializer.Serialize(results, ReportJson.Options);
            context?.SetJobParameter(ResultsParameter, json);
            await staging.RemoveAsync(request.StagingId, cancellationToken);
            logger.LogInformation("Ingested {Files} staged files of {User} ({StagingId})", files.Count, request.UserId, request.StagingId);
            return json;
        }
        catch (TandemException e)
        {
            // The user's input was bad: no retry makes it good (TandemException is not retried), so the files go and the status says why.
            context?.SetJobParameter(ErrorParameter, e.ToUserMessage());
            await staging.RemoveAsync(request.StagingId, CancellationToken.None);
            throw;
        }
    }
}
