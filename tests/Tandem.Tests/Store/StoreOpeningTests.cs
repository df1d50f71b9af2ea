using Microsoft.Data.Sqlite;
using Tandem.Learning;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

/// <summary>
/// One way to open the store: every SQLite component, as the first thing a new user does, gets a
/// folder, a private file, WAL, a patient busy timeout and one-line errors.
/// </summary>
public sealed class StoreOpeningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExamplesImport_FirstCommandOnFreshMachine_CreatesAPrivateStore()
    {
        using var tandem = new TandemProcess();

        var (exit, output, error) = await tandem.RunAsync("examples", "import", "samples/examples/review-examples.jsonl");

        Assert.True(exit == 0, error);
        Assert.Contains("imported", output, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(tandem.DefaultDatabase));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tandem.DefaultDatabase));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(tandem.DefaultDatabase)!));
        }
    }

    [Fact]
    public async Task Open_EveryComponentFirst_CreatesTheFileInWalMode()
    {
        var path = _dir.File("fresh.db");

        await new SqliteExampleStore(path).ListAsync();

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Open_ExplicitPathInMissingFolder_RefusedWithoutCreatingFolders()
    {
        var missing = Path.Combine(_dir.Path, "no", "such", "folder");

        var error = await Assert.ThrowsAsync<TandemException>(() => new SqliteModelRegistry(Path.Combine(missing, "t.db")).ListAsync());

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--db", error.Hint, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "no")));
    }

    [Fact]
    public async Task Cli_DbInMissingFolder_OneLineErrorNothingCreated()
    {
        var missing = Path.Combine(_dir.Path, "nonexistent", "dir", "t.db");
        var cli = new CliRunner(missing);

        var (exit, _, error) = await cli.RunAsync("documents");

        Assert.Equal(1, exit);
        Assert.Matches("^error: the folder .* does not exist; create it first", error.TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "nonexistent")));
    }

    [Theory]
    [InlineData("examples", "list")]
    [InlineData("models", "registry")]
    [InlineData("usage")]
    [InlineData("correct", "rpt_0000", "--list")]
    [InlineData("documents")]
    public async Task Cli_FileThatIsNotADatabase_OneLineErrorFileUntouched(params string[] args)
    {
        var bogus = _dir.Write("bogus.db", new string('x', 4096));

        var (exit, _, error) = await new CliRunner(bogus).RunAsync(args);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("is not a Tandem database", line, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), File.ReadAllText(bogus));
    }

    [Fact]
    public async Task Ingest_DatabaseLockedLongerThanTheTimeout_OneLineErrorAndUnchanged()
    {
        using var tandem = new TandemProcess();
        tandem.Environment["TANDEM_BUSY_TIMEOUT"] = "1";
        var db = _dir.File("locked.db");
        Assert.Equal(0, (await tandem.RunAsync("ingest", _dir.Write("seed.txt", ContractTexts.Supply), "--db", db)).Exit);
        var before = await StoreDump.DumpAsync(db);
        await using var locker = new SqliteConnection($"Data Source={db};Pooling=False");
        await locker.OpenAsync();
        using var begin = locker.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        await begin.ExecuteNonQueryAsync();

        var (exit, _, error) = await tandem.RunAsync("ingest", _dir.Write("new.txt", ContractTexts.Nda), "--db", db);

        begin.CommandText = "ROLLBACK";
        await begin.ExecuteNonQueryAsync();
        Assert.Equal(1, exit);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("is locked by another process", line, StringComparison.Ordinal);
        Assert.Contains("new.txt", line, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDump.DumpAsync(db));
    }

    [Theory]
    [InlineData("examples", "import", "samples/examples/review-examples.jsonl")]
    [InlineData("models", "registry")]
    [InlineData("usage")]
    public async Task TableStores_DatabaseLocked_OneLineErrorNotACrash(params string[] args)
    {
        using var tandem = new TandemProcess();
        tandem.Environment["TANDEM_BUSY_TIMEOUT"] = "1";
        var db = _dir.File("locked.db");
        Assert.Equal(0, (await tandem.RunAsync("examples", "list", "--db", db)).Exit);
        await using var locker = new SqliteConnection($"Data Source={db};Pooling=False");
        await locker.OpenAsync();
        using var begin = locker.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        await begin.ExecuteNonQueryAsync();

        var (exit, _, error) = await tandem.RunAsync([.. args, "--db", db]);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: the database ", line, StringComparison.Ordinal);
        Assert.Contains("is locked by another process", line, StringComparison.Ordinal);
    }
}
