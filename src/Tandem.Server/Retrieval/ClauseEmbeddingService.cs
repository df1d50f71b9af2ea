using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Server.Retrieval;

/// <summary>
/// The server's embedding pass in the background: after documents change (the store's change
/// feed moved, whoever wrote), it embeds the clause texts that have no vector yet and stores
/// them, so uploads return at once and dense search catches up within seconds. Until then the new
/// clauses are found by BM25 only. One pass at a time across the deployment: a node whose
/// neighbour holds <see cref="IExclusiveWork"/> for it leaves the texts to that node and looks
/// again on the next tick. A failed pass is logged and retried on the next change or tick.
/// </summary>
public sealed partial class ClauseEmbeddingService(ClauseEmbedder embedder, IKnowledgeBaseFeed feed, IExclusiveWork exclusive, ILogger<ClauseEmbeddingService> logger)
    : BackgroundService
{
    /// <summary>The name under which one node at a time embeds.</summary>
    public const string WorkName = "embedding-pass";

    /// <summary>How often the change feed is polled.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        KnowledgeBaseCursor? done = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var cursor = await feed.ReadCursorAsync(stoppingToken);
                if (cursor != done)
                {
                    await using var held = await exclusive.TryEnterAsync(WorkName, stoppingToken);
                    if (held is null)
                    {
                        continue; // another node is embedding; what it leaves is done on a later tick
                    }

                    var run = await embedder.EmbedMissingAsync(cancellationToken: stoppingToken);
                    if (run.Embedded > 0)
                    {
                        LogEmbedded(run.Embedded, run.Model, run.Elapsed.TotalSeconds, run.PerSecond);
                    }

                    done = cursor;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed pass must not stop the service: the next change or tick retries it
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded {Count} clause texts with {Model} in {Seconds:0.0} s ({PerSecond:0} per second)")]
    private partial void LogEmbedded(int count, string model, double seconds, double perSecond);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding pass failed ({Type}: {Message}); retrying on the next change")]
    private partial void LogFailed(string type, string message);
}
