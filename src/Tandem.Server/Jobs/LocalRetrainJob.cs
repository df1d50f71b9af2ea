using Hangfire;
using Tandem.Access;
using Tandem.Learning;

namespace Tandem.Server.Jobs;

/// <summary>The local analyst's retrain as a background job: the same <see cref="RetrainService"/> call as <c>tandem retrain local</c>.</summary>
public sealed class LocalRetrainJob(RetrainService retrain)
{
    /// <summary>
    /// Trains, scores and registers a candidate; returns its registry id. Not retried on failure: a
    /// failed retrain is reported, and an admin decides. Run again after its node died, it returns
    /// the candidate the first run registered, if it got that far, rather than registering a second.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(LocalRetrainArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var caller = new Principal(arguments.UserId, arguments.Groups);
        var result = await retrain.RetrainLocalAsync(arguments.DataFolder, arguments.ModelsFolder, arguments.Audience, arguments.UseCorrections, arguments.Contracts,
            caller, requestedAt: arguments.RequestedAt, cancellationToken: cancellationToken);
        return result.Model.Id;
    }
}
