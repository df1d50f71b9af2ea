using System.Text;
using Tandem.Tests.Fixtures;
using Tandem.Tests.Support;

namespace Tandem.Tests.Hostile;

/// <summary>
/// One planted file must not cost a folder: a sync of good contracts mixed with hostile files
/// stores every good one and lists each bad one with its reason, every time it runs.
/// </summary>
public sealed class MixedFolderTests : IDisposable
{
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task SyncFolderAsync_GoodAndHostileFiles_StoresEveryGoodFileListsEachBadOneWithItsReason()
    {
        var folder = _f.Dir.File("kb");
        Directory.CreateDirectory(folder);
        DocumentFixtures.CreateText(Path.Combine(folder, "a-supply.txt"), ContractTexts.Supply);
        DocumentFixtures.CreateMarkdown(Path.Combine(folder, "b-nda.md"), ContractTexts.Nda);
        DocumentFixtures.CreateHtml(Path.Combine(folder, "c-services.html"), "<h1>SERVICES AGREEMENT</h1><ol><li>The Provider shall perform the Services.</li></ol>");
        DocumentFixtures.CreateDocx(Path.Combine(folder, "d-licence.docx"), ["SOFTWARE LICENCE", "1. Grant. The Licensor grants a licence."]);
        DocumentFixtures.CreatePdf(Path.Combine(folder, "e-lease.pdf"), ["LEASE", "1. Rent. The Tenant shall pay rent monthly."]);
        var hostile = new Dictionary<string, (byte[] Bytes, string Reason)>
        {
            ["f-divs.html"] = (HostileFiles.NestedHtml("<div>", 100_000), "is nested deeper than 256 levels"),
            ["g-controls.docx"] = (HostileFiles.NestedDocx("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 100_000, "<w:p/>", inParagraph: false), "is nested deeper than 256 levels"),
            ["h-list.md"] = (HostileFiles.IndentedMarkdownList(3_000), "is nested deeper than 256 levels"),
            ["i-bomb.pdf"] = (HostileFiles.FlateBombPdf(300), "is too large once decompressed"),
            ["j-cut.docx"] = (File.ReadAllBytes(DocumentFixtures.CreateDocx(_f.Dir.File("whole.docx"), ["Text."]))[..200], "is not a readable .docx"),
            ["k-polish.txt"] = ([.. Encoding.ASCII.GetBytes("Op"), 0xB3, .. Encoding.ASCII.GetBytes("ata.")], "is not valid UTF-8 text"),
        };
        foreach (var (name, file) in hostile)
        {
            File.WriteAllBytes(Path.Combine(folder, name), file.Bytes);
        }

        File.WriteAllText(Path.Combine(folder, "README.md"), "# Contracts\n\nThe files in this folder.");

        var first = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);
        var second = await _f.Ingestor.SyncFolderAsync(folder, StoreFixture.Alice);

        string[] good = ["a-supply", "b-nda", "c-services", "d-licence", "e-lease"];
        Assert.Equal(good, first.Ingested.Select(r => r.Title));
        Assert.Equal(good, (await _f.Store.ListDocumentsAsync(StoreFixture.Alice)).Select(d => d.Title).Order(StringComparer.Ordinal));
        Assert.Equal(hostile.Keys.Order(StringComparer.Ordinal), first.Failed.Select(f => Path.GetFileName(f.Path)));
        Assert.All(first.Failed, f => Assert.StartsWith(Path.GetFileName(f.Path) + " " + hostile[Path.GetFileName(f.Path)].Reason, f.Message, StringComparison.Ordinal));
        Assert.Equal("README.md", Path.GetFileName(Assert.Single(first.Skipped).Path));
        Assert.All(second.Ingested, r => Assert.Equal(Tandem.Store.IngestOutcome.Unchanged, r.Outcome));
        Assert.Equal(first.Failed, second.Failed);
        Assert.Empty(second.Retired);
    }
}
