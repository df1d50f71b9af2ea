using System.Text;
using Tandem.Tests.Fixtures;
using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// Every bad input through the real command line: a one-line error that says what is wrong and
/// what to do, a non-zero exit code, no stack trace, and the store exactly as it was.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public BadInputTests() => _cli = new CliRunner(_dir.File("tandem.db"));

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "unsupported", "unsupported" },
        { "empty", "is empty" },
        { "corrupt-docx", "is not a readable .docx" },
        { "zip-not-docx", ".docx" },
        { "corrupt-pdf", ".pdf" },
        { "binary-junk", "binary" },
        { "huge", "is too large (200 MB" },
        { "longer-than-a-review-reads", "more than one review reads" },
        { "windows-1250", "not valid UTF-8" },
        { "missing", "file not found" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Analyze_BadFile_OneLineErrorNonZeroExitStoreUnchanged(string kind, string expected)
    {
        await SeedAsync();
        var before = await StoreDump.DumpAsync(_cli.DatabasePath);
        var path = MakeBadFile(kind);

        var (exit, output, error) = await _cli.RunAsync("analyze", path);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        AssertOneLineError(error, expected);
        Assert.Equal(before, await StoreDump.DumpAsync(_cli.DatabasePath));
    }

    [Fact]
    public async Task Ingest_BadFileOverGoodVersion_KeepsTheGoodVersion()
    {
        var path = _dir.Write("contract.txt", ContractTexts.Supply);
        Assert.Equal(0, (await _cli.RunAsync("ingest", path)).Exit);
        var before = await StoreDump.DumpAsync(_cli.DatabasePath);
        File.WriteAllBytes(path, [0x00, 0x01, 0x02, 0x03, 0xff]);

        var (exit, _, error) = await _cli.RunAsync("ingest", path);

        Assert.Equal(1, exit);
        AssertOneLineError(error, "binary");
        Assert.Equal(before, await StoreDump.DumpAsync(_cli.DatabasePath));
    }

    [Fact]
    public async Task Open_FileThatIsNotADatabase_OneLineError()
    {
        var bogus = _dir.Write("bogus.db", new string('x', 4096));
        var cli = new CliRunner(bogus);

        var (exit, _, error) = await cli.RunAsync("search", "liability");

        Assert.Equal(1, exit);
        AssertOneLineError(error, "is not a Tandem database");
        Assert.Equal(new string('x', 4096), File.ReadAllText(bogus));
    }

    [Theory]
    [InlineData("search", "*** ()", "no searchable words")]
    [InlineData("search", "*** ()", "--mode", "hybrid", "no searchable words")]
    [InlineData("search", "liability", "--mode", "semantic", "unknown retrieval configuration")]
    [InlineData("search", "liability", "--limit", "0", "--limit must be between")]
    [InlineData("analyze", "SAMPLE", "--min-confidence", "1.5", "--min-confidence must be between")]
    [InlineData("analyze", "SAMPLE", "--playbook", "/nonexistent/playbook.yaml", "playbook not found")]
    [InlineData("analyze", "SAMPLE", "--model-file", "/nonexistent/model.zip", "local analyst model is missing")]
    [InlineData("ingest", "SAMPLE", "--acl", "group:", "invalid access entry")]
    [InlineData("sync", "/nonexistent/folder", "folder not found")]
    [InlineData("train", "local", "--data", "/nonexistent", "is not a CUAD folder")]
    public async Task Command_WrongOption_OneLineError(params string[] argsAndExpected)
    {
        var args = argsAndExpected[..^1].Select(a => a == "SAMPLE" ? RepositoryPaths.Sample("mutual-nda.txt") : a).ToArray();

        var (exit, _, error) = await _cli.RunAsync(args);

        Assert.Equal(1, exit);
        AssertOneLineError(error, argsAndExpected[^1]);
    }

    /// <summary>The playbook loads while the contract is read; a bad one still stores nothing of the contract.</summary>
    [Theory]
    [InlineData("missing", "playbook not found")]
    [InlineData("broken", "playbook")]
    [InlineData("bad-regex", "invalid regular expression")]
    public async Task Analyze_BadPlaybook_OneLineErrorAndTheContractIsNotStored(string kind, string expected)
    {
        await SeedAsync();
        var before = await StoreDump.DumpAsync(_cli.DatabasePath);
        var playbook = kind switch
        {
            "missing" => _dir.File("no-such-playbook.yaml"),
            "broken" => _dir.Write("broken.yaml", "name: X\nrules:\n  - category: [unclosed\n"),
            _ => _dir.Write("bad-regex.yaml", "name: X\nrules:\n  - category: Insurance\n    detect_with_definitions: '(unclosed'\n"),
        };

        var (exit, output, error) = await _cli.RunAsync("analyze", RepositoryPaths.Sample("saas-subscription-agreement.md"), "--playbook", playbook);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        AssertOneLineError(error, expected);
        Assert.Equal(before, await StoreDump.DumpAsync(_cli.DatabasePath));
    }

    [Fact]
    public async Task Analyze_UnknownFormat_ParseErrorNamesTheChoices()
    {
        var (exit, _, error) = await _cli.RunAsync("analyze", RepositoryPaths.Sample("mutual-nda.txt"), "--format", "pdf");

        Assert.NotEqual(0, exit);
        Assert.Contains("pdf", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task SeedAsync() =>
        Assert.Equal(0, (await _cli.RunAsync("ingest", _dir.Write("seed.txt", ContractTexts.Supply))).Exit);

    private string MakeBadFile(string kind)
    {
        switch (kind)
        {
            case "unsupported":
                return _dir.Write("contract.xyz", "text");
            case "empty":
                return _dir.Write("empty.txt", string.Empty);
            case "corrupt-docx":
                File.WriteAllBytes(_dir.File("corrupt.docx"), Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not really a zip"));
                return _dir.File("corrupt.docx");
            case "zip-not-docx":
                using (var zip = System.IO.Compression.ZipFile.Open(_dir.File("plain.docx"), System.IO.Compression.ZipArchiveMode.Create))
                {
                    using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
                    entry.Write("hello");
                }

                return _dir.File("plain.docx");
            case "corrupt-pdf":
                var good = DocumentFixtures.CreatePdf(_dir.File("good.pdf"), ["1. Term. Five years."]);
                var bytes = File.ReadAllBytes(good);
                File.WriteAllBytes(_dir.File("corrupt.pdf"), bytes[..(bytes.Length / 3)]);
                return _dir.File("corrupt.pdf");
            case "binary-junk":
                var junk = new byte[4096];
                new Random(7).NextBytes(junk);
                File.WriteAllBytes(_dir.File("junk.txt"), junk);
                return _dir.File("junk.txt");
            case "longer-than-a-review-reads":
                // 1.2 MB of text with no sentence end: under the file limit, past what a review reads (it took 10 s a megabyte).
                return _dir.Write("lorem.txt", string.Concat(Enumerable.Repeat("lorem ipsum ", 100_000)));
            case "huge":
                using (var stream = File.Create(_dir.File("huge.txt")))
                {
                    stream.SetLength(200L * 1024 * 1024);
                }

                return _dir.File("huge.txt");
            case "windows-1250":
                // Polish in Windows-1250: 0xB3 is "ł" there but "³" in Windows-1252, so it is refused, not misread.
                File.WriteAllBytes(_dir.File("umowa.txt"), [.. Encoding.ASCII.GetBytes("1. Op"), 0xB3, .. Encoding.ASCII.GetBytes("ata wynosi 500 z"), 0xB3, (byte)'.']);
                return _dir.File("umowa.txt");
            default:
                return _dir.File("does-not-exist.txt");
        }
    }

    private static void AssertOneLineError(string error, string expected)
    {
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, "expected one line, got:\n" + error);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
