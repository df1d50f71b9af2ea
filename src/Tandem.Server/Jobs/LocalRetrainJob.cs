using Hangfire;
using Tandem.Access;
using Tandem.Learning;

namespace Tandem.Server.Jobs;

/// <summary>The local analyst's retrain as a background job: the same <see cref="RetrainService"/> call as <c>tandem retrain local</c>.</summary>
public sealed class LocalRetrainJob(RetrainService retrain)
{
    /// <summary>Trains, scores and registers a candidate; returns its registry id. Not retried: a failed retrain is reported, and an admin decides.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(LocalRetrainArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var caller = new Principal(arguments.UserId, arguments.Groups);
        var result = await retrain.RetrainLocalAsync(arguments.DataFolder, arguments.ModelsFolder, arguments.Audience, arguments.UseCorrections, arguments.Contracts,
            caller, cancellationToken: cancellationToken);
        return result.Model.Id;
    }
}
