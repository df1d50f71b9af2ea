using Tandem.Tests.Support;

namespace Tandem.Server.Tests;

/// <summary>
/// The server raises the thread pool's minimum, so CPU-bound reviews cannot starve searches while
/// the pool grows (the load benchmark's review mix: search p99 2.7 s before, 55 ms after).
/// </summary>
public sealed class ThreadPoolTests
{
    [Fact]
    public async Task Server_Started_MinimumWorkerThreadsAtLeastTheDefault()
    {
        await using var factory = new ServerFactory();
        _ = factory.Server;

        ThreadPool.GetMinThreads(out var workers, out _);

        Assert.True(workers >= ServerExtensions.DefaultMinWorkerThreads, $"{workers} worker threads");
    }

    [Fact]
    public async Task Serve_BadMinimum_OneLineAndExit1()
    {
        using var tandem = new TandemProcess();
        tandem.Environment["Tandem__Server__MinWorkerThreads"] = "0";

        var (exit, _, error) = await tandem.RunAsync("serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: invalid settings: Tandem:Server:MinWorkerThreads must be between 1 and 1024, not 0", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
