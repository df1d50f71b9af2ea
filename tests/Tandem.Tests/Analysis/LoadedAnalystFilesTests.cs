using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// A model file is read once while it is unchanged: loaded again, preloaded then loaded, or loaded
/// under a registry id, it is the same weights; a changed file, a failed read and a full cache read
/// the file again.
/// </summary>
public sealed class LoadedAnalystFilesTests
{
    [Fact]
    public void Get_SameUnchangedFileTwice_ReadOnce()
    {
        using var dir = new TempDirectory();
        var path = Copy(dir, "a.zip");
        var reads = 0;
        var files = new LocalAnalyst.LoadedFiles(2, p => { Interlocked.Increment(ref reads); return LocalAnalyst.Read(p); });

        var first = files.Get(path, background: false)!;
        var second = files.Get(Path.Combine(dir.Path, ".", "a.zip"), background: false)!;

        Assert.Same(first, second);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void Get_FileRewritten_ReadAgain()
    {
        using var dir = new TempDirectory();
        var path = Copy(dir, "a.zip");
        var reads = 0;
        var files = new LocalAnalyst.LoadedFiles(2, p => { Interlocked.Increment(ref reads); return LocalAnalyst.Read(p); });
        var first = files.Get(path, background: false)!;

        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        var second = files.Get(path, background: false)!;

        Assert.NotSame(first, second);
        Assert.Equal(2, reads);
        Assert.Equal(1, files.Count); // the stale load of the same path is dropped, not kept beside it
    }

    [Fact]
    public async Task Get_Background_LaterGetTakesTheSameLoad()
    {
        using var dir = new TempDirectory();
        var path = Copy(dir, "a.zip");
        var reads = 0;
        using var release = new ManualResetEventSlim();
        var files = new LocalAnalyst.LoadedFiles(2, p =>
        {
            Interlocked.Increment(ref reads);
            release.Wait(TimeSpan.FromSeconds(30));
            return LocalAnalyst.Read(p);
        });

        Assert.Null(files.Get(path, background: true));
        var waiting = Task.Run(() => files.Get(path, background: false));
        release.Set();

        Assert.NotNull(await waiting);
        Assert.Equal(1, reads);
    }

    [Fact]
    public void Get_FailedRead_ForgottenAndReadAgain()
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.zip");
        File.WriteAllText(path, "not a zip");
        var reads = 0;
        var files = new LocalAnalyst.LoadedFiles(2, p => { Interlocked.Increment(ref reads); return LocalAnalyst.Read(p); });

        files.Get(path, background: true);
        var error = Assert.Throws<TandemException>(() => files.Get(path, background: false));
        Assert.Contains("broken.zip", error.Message, StringComparison.Ordinal);
        SpinWait.SpinUntil(() => files.Count == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(0, files.Count);

        File.Copy(RepositoryPaths.Model, path, overwrite: true);
        Assert.NotNull(files.Get(path, background: false));
        Assert.InRange(reads, 2, 3); // one or two failed reads (the preload's, and the load's if the preload was already forgotten), then the good one
    }

    [Fact]
    public void Get_MoreFilesThanCapacity_LeastRecentlyUsedDropped()
    {
        using var dir = new TempDirectory();
        var (a, b, c) = (Copy(dir, "a.zip"), Copy(dir, "b.zip"), Copy(dir, "c.zip"));
        var read = new List<string>();
        var files = new LocalAnalyst.LoadedFiles(2, p => { lock (read) { read.Add(Path.GetFileName(p)); } return LocalAnalyst.Read(p); });

        files.Get(a, background: false);
        files.Get(b, background: false);
        files.Get(a, background: false); // a is now the most recent
        files.Get(c, background: false); // drops b
        files.Get(a, background: false);
        files.Get(b, background: false);

        Assert.Equal(["a.zip", "b.zip", "c.zip", "b.zip"], read);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public void Load_WithRegistryId_SharesTheWeightsUnderItsOwnName()
    {
        var plain = LocalAnalyst.Load(RepositoryPaths.Model);
        var named = LocalAnalyst.Load(RepositoryPaths.Model, "local-test-1");

        Assert.Same(plain.Model, named.Model);
        Assert.Null(plain.RegistryId);
        Assert.Equal("local-test-1", named.RegistryId);
        Assert.Equal(plain.FileHash, named.FileHash);
        Assert.Contains("local-test-1", named.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Preload_MissingFile_NothingThrownAndLoadSaysWhatIsMissing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("absent.zip");

        LocalAnalyst.Preload(path);
        var error = Assert.Throws<TandemException>(() => LocalAnalyst.Load(path));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    private static string Copy(TempDirectory dir, string name)
    {
        var path = dir.File(name);
        File.Copy(RepositoryPaths.Model, path);
        return path;
    }
}
