using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

public sealed class IngestFolderCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public IngestFolderCliTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Ingest_SamplesFolder_StoresTheContractsAndSaysTheReadmeWasSkipped()
    {
        var (exit, output, error) = await _cli.RunAsync("ingest", RepositoryPaths.Samples);
        var documents = await _cli.RunAsync("documents");

        Assert.Equal(0, exit);
        // Progress of the embedding pass is all that goes to stderr.
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("embedding: embedding clauses ", line, StringComparison.Ordinal));
        Assert.EndsWith("embedding: embedding clauses 932/932 (100%)\n", error, StringComparison.Ordinal);
        Assert.Contains("skipped      README.md: project documentation, not a contract; ingest it by its path to include it\n", output, StringComparison.Ordinal);
        Assert.EndsWith("ingested 10 files: 10 new, 0 changed, 0 unchanged, 0 restored, 0 retired, 0 failed, 1 skipped\nembedded 932 clause texts with all-MiniLM-L6-v2\n", output, StringComparison.Ordinal);
        Assert.Contains("10 documents", documents.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("README", documents.Output, StringComparison.Ordinal);
    }
}
