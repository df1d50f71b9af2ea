using Microsoft.Data.Sqlite;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

/// <summary>Several tandem processes writing one new store at once: they wait for each other and lose nothing.</summary>
public sealed class ConcurrentWritersTests : IDisposable
{
    private const int Writers = 4;
    private const int FilesEach = 100;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_FourProcessesIntoOneNewStore_EveryFileStored()
    {
        using var tandem = new TandemProcess();
        var db = _dir.File("shared.db");
        var folders = Enumerable.Range(0, Writers).Select(WriteFolder).ToArray();

        var processes = folders.Select(folder => tandem.Start("ingest", folder, "--db", db)).ToArray();
        var results = await Task.WhenAll(processes.Select(async p =>
        {
            var error = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            return (p.ExitCode, Output: await output, Error: await error);
        }));

        foreach (var (exit, _, error) in results)
        {
            Assert.True(exit == 0, error);
        }

        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*), count(DISTINCT source) FROM documents";
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(Writers * FilesEach, reader.GetInt32(0));
        Assert.Equal(Writers * FilesEach, reader.GetInt32(1));
    }

    private string WriteFolder(int writer)
    {
        for (var i = 0; i < FilesEach; i++)
        {
            _dir.Write($"w{writer}/contract-{i:000}.txt",
                ContractTexts.Supply.Replace("three years", $"{writer * FilesEach + i + 2} years", StringComparison.Ordinal));
        }

        return _dir.File($"w{writer}");
    }
}
