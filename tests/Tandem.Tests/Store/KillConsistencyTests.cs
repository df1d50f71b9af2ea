using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

/// <summary>
/// <c>kill -9</c> in the middle of work: the store stays consistent, nothing half-written is left
/// for long, and the next run finishes the job.
/// </summary>
public sealed class KillConsistencyTests : IDisposable
{
    private static readonly string CuadFolder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "cuad-dev"));
    private const int Files = 400;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_KilledMidway_StoreConsistentAndRerunStoresEverything()
    {
        using var tandem = new TandemProcess();
        var db = _dir.File("t.db");
        for (var i = 0; i < Files; i++)
        {
            _dir.Write($"kb/contract-{i:000}.txt", ContractTexts.Supply.Replace("three years", $"{i + 2} years", StringComparison.Ordinal));
        }

        using (var process = tandem.Start("ingest", _dir.File("kb"), "--db", db))
        {
            await WaitUntilAsync(async () => await TryCountAsync(db, "SELECT count(*) FROM documents") >= 5, process);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var stored = await CountAsync(db, "SELECT count(*) FROM documents");
        Assert.InRange(stored, 5, Files);
        Assert.Equal("ok", await ScalarAsync(db, "PRAGMA integrity_check"));
        Assert.Equal(0, await CountAsync(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM clauses c WHERE c.version_id = d.current_version_id)"));
        Assert.Equal(await CountAsync(db, "SELECT count(*) FROM clauses"), await CountAsync(db, "SELECT count(*) FROM clauses_fts"));

        var (exit, _, error) = await tandem.RunAsync("ingest", _dir.File("kb"), "--db", db);

        Assert.True(exit == 0, error);
        Assert.Equal(Files, await CountAsync(db, "SELECT count(*) FROM documents"));
        Assert.Equal(Files, await CountAsync(db, "SELECT count(*) FROM versions"));
    }

    [Fact]
    public async Task RetrainLocal_KilledWhileScoring_NextRunLeavesOnlyRegisteredModels()
    {
        if (!Directory.Exists(CuadFolder))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CUAD development data missing at {CuadFolder}");
            Assert.Skip($"CUAD development data not found at {CuadFolder}");
        }

        using var tandem = new TandemProcess();
        var db = _dir.File("t.db");
        var models = _dir.File("models");
        string[] retrain = ["retrain", "local", "--data", CuadFolder, "--contracts", "3", "--db", db, "--models-dir", models];

        using (var process = tandem.Start(retrain))
        {
            var scoring = new TaskCompletionSource();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("scoring on the gate set", StringComparison.Ordinal) == true)
                {
                    scoring.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            await scoring.Task.WaitAsync(TimeSpan.FromMinutes(3));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Single(Directory.GetFiles(models, "*.partial.zip"));
        Assert.Empty(await CandidatesAsync(db));

        // The rerun retrains in full; on a loaded two-core machine that has taken more than the usual three minutes.
        var (exit, _, error) = await tandem.RunAsync(retrain, TimeSpan.FromMinutes(8));

        Assert.True(exit == 0, error);
        var registered = Assert.Single(await CandidatesAsync(db));
        Assert.Equal([Path.GetFullPath(registered.Location)], Directory.GetFiles(models).Select(Path.GetFullPath));
    }

    [Fact]
    public void SweepCandidates_DeadWritersAndOldUnregisteredCandidates_DeletedOthersKept()
    {
        var folder = _dir.File("models");
        Directory.CreateDirectory(folder);
        var dead = Write(folder, "local-20260101000000-abcdef.2147483000.partial.zip");
        var deadTemp = Write(folder, "local-analyst.zip.2147483001.tmp");
        var mine = Write(folder, $"local-20260101000001-abcdef.{Environment.ProcessId}.partial.zip");
        var orphan = Write(folder, "local-20260101000002-abcdef.zip", TimeSpan.FromHours(1));
        var fresh = Write(folder, "local-20260101000003-abcdef.zip");
        var registered = Write(folder, "local-20260101000004-abcdef.zip", TimeSpan.FromHours(1));
        var foreign = Write(folder, "my-notes.zip", TimeSpan.FromHours(1));

        var deleted = ModelFiles.SweepCandidates(folder, new HashSet<string> { registered }, TimeSpan.FromMinutes(10));

        Assert.Equal(new[] { dead, deadTemp, orphan }.Order(), deleted.Order());
        Assert.All(new[] { mine, fresh, registered, foreign }, f => Assert.True(File.Exists(f), f));
    }

    /// <summary>The registered models but the shipped champion, which every store starts with.</summary>
    private static async Task<List<RegisteredModel>> CandidatesAsync(string db) =>
        (await new SqliteModelRegistry(db).ListAsync()).Where(m => !m.Id.StartsWith("local-shipped-", StringComparison.Ordinal)).ToList();

    private static string Write(string folder, string name, TimeSpan? age = null)
    {
        var path = Path.GetFullPath(Path.Combine(folder, name));
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - (age ?? TimeSpan.Zero));
        return path;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(process.HasExited, "the process finished before it could be killed");
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "timed out waiting for the process");
            await Task.Delay(20);
        }
    }

    /// <summary>The count, or -1 while the other process has not created the file or its tables yet.</summary>
    private static async Task<long> TryCountAsync(string db, string sql)
    {
        try
        {
            return File.Exists(db) ? await CountAsync(db, sql) : -1;
        }
        catch (SqliteException)
        {
            return -1;
        }
    }

    private static async Task<long> CountAsync(string db, string sql) => Convert.ToInt64(await ScalarAsync(db, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False;Default Timeout=5");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
