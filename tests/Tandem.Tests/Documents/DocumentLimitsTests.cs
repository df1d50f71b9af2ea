using Tandem.Documents;
using Tandem.Tests.Fixtures;

namespace Tandem.Tests.Documents;

public sealed class DocumentLimitsTests : IDisposable
{
    private readonly string directory = DocumentFixtures.CreateTempDirectory();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void FromVariables_NothingSet_TheDocumentedDefaults()
    {
        var limits = DocumentLimits.FromVariables(_ => null);

        Assert.Equal(Limits(fileMegabytes: 64, depth: 256, elements: 500_000, decodedMegabytes: 256, seconds: 60), limits);
        Assert.Equal(DocumentLimits.Default, limits);
    }

    [Fact]
    public void FromVariables_EachSet_ReplacesItsDefault()
    {
        var variables = new Dictionary<string, string>
        {
            ["TANDEM_MAX_FILE_MB"] = "200",
            ["TANDEM_MAX_DEPTH"] = "64",
            ["TANDEM_MAX_ELEMENTS"] = " 2000000 ",
            ["TANDEM_MAX_DECODED_MB"] = "1024",
            ["TANDEM_READ_TIMEOUT_S"] = "300",
        };

        var limits = DocumentLimits.FromVariables(name => variables.GetValueOrDefault(name));

        Assert.Equal(Limits(fileMegabytes: 200, depth: 64, elements: 2_000_000, decodedMegabytes: 1024, seconds: 300), limits);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void FromVariables_NotAPositiveWholeNumber_OneLineErrorNamingTheVariable(string value)
    {
        var ex = Assert.Throws<TandemException>(() => DocumentLimits.FromVariables(name => name == "TANDEM_MAX_DEPTH" ? value : null));

        Assert.Equal($"TANDEM_MAX_DEPTH must be a positive whole number, not '{value}'; fix or unset TANDEM_MAX_DEPTH", ex.ToUserMessage());
    }

    [Theory]
    [InlineData(10_000L, 16L << 20)]
    [InlineData(1_500_000L, 150_000_000L)]
    [InlineData(10L << 20, 256L << 20)]
    public void DecodedBudget_FileSize_HundredTimesBetweenSixteenMegabytesAndTheCap(long fileBytes, long expected)
    {
        Assert.Equal(expected, DocumentLimits.Default.DecodedBudget(fileBytes));
    }

    [Fact]
    public async Task ReadFileAsync_ReaderPastTheTimeLimit_RefusedNamingTheVariable()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "stall.txt"), "text");
        var registry = new DocumentReaders([new StallingReader()], new DocumentLimits { ReadTimeout = TimeSpan.FromMilliseconds(100) });

        var ex = await Assert.ThrowsAsync<DocumentException>(() => registry.ReadFileAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("stall.txt took longer than 0.1 s to read; it may be built to stall readers; if it is a real document, raise TANDEM_READ_TIMEOUT_S", ex.ToUserMessage());
    }

    [Fact]
    public async Task ReadFileAsync_CallerCancelsSlowRead_ThrowsOperationCanceled()
    {
        var path = DocumentFixtures.CreateText(Path.Combine(directory, "slow.txt"), "text");
        var registry = new DocumentReaders([new StallingReader()]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registry.ReadFileAsync(path, cancel.Token));
    }

    [Fact]
    public async Task ReadFileAsync_FileNameWithControlCharacters_TitleAndErrorsShowQuestionMarks()
    {
        var name = "evil\u001B]0;owned\u0007\u202Etxt.exe";
        var good = DocumentFixtures.CreateText(Path.Combine(directory, name + ".txt"), "1. The Supplier shall deliver.");
        var empty = DocumentFixtures.CreateText(Path.Combine(directory, name + ".md"), " ");
        var readers = DocumentReaders.CreateDefault();

        var document = await readers.ReadFileAsync(good, TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<DocumentException>(() => readers.ReadFileAsync(empty, TestContext.Current.CancellationToken));

        Assert.Equal("evil?]0;owned??txt.exe", document.Title);
        Assert.StartsWith("evil?]0;owned??txt.exe.md ", ex.Message, StringComparison.Ordinal);
    }

    private static DocumentLimits Limits(long fileMegabytes, int depth, int elements, long decodedMegabytes, int seconds) => new()
    {
        MaxFileBytes = fileMegabytes << 20,
        MaxDepth = depth,
        MaxElements = elements,
        MaxDecodedBytes = decodedMegabytes << 20,
        ReadTimeout = TimeSpan.FromSeconds(seconds),
    };

    /// <summary>Waits for its token for up to 30 s, like a parser stuck on a crafted file.</summary>
    private sealed class StallingReader : IDocumentReader
    {
        public IReadOnlyList<string> Extensions { get; } = [".txt"];

        public string MediaType => "text/plain";

        public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return "too late";
        }
    }
}
