using System.Text;
using Tandem.Access;
using Tandem.Store;
using Tandem.Tests.Support;

namespace Tandem.Tests.Store;

public sealed class DocumentLifecycleTests : IDisposable
{
    private static readonly Principal Admin = new("root", ["admin"]);
    private readonly StoreFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task RetireAsync_Owner_RetiresOnceThenUnchanged()
    {
        var id = await UploadAsync(StoreFixture.Alice, "nda.txt", ContractTexts.Nda);

        Assert.Equal(DocumentChange.Changed, await _f.Store.RetireAsync(id, StoreFixture.Alice));
        Assert.Equal(DocumentChange.Unchanged, await _f.Store.RetireAsync(id, StoreFixture.Alice));

        Assert.Empty(await _f.Store.ListDocumentsAsync(StoreFixture.Alice));
        Assert.NotNull((await _f.Store.GetVersionsAsync(id, StoreFixture.Alice))!.RetiredAt);
    }

    [Fact]
    public async Task RetireAsync_ReaderWhoIsNotOwner_NotAllowedAndStillLive()
    {
        var id = await UploadAsync(StoreFixture.Alice, "nda.txt", ContractTexts.Nda, AccessList.Parse("bob"));

        Assert.Equal(DocumentChange.NotAllowed, await _f.Store.RetireAsync(id, StoreFixture.Bob));

        Assert.Single(await _f.Store.ListDocumentsAsync(StoreFixture.Alice));
    }

    [Fact]
    public async Task EveryMember_DocumentTheCallerMayNotRead_AnswersAsForAMissingOne()
    {
        var id = await UploadAsync(StoreFixture.Alice, "nda.txt", ContractTexts.Nda);

        Assert.Equal(DocumentChange.NotFound, await _f.Store.RetireAsync(id, StoreFixture.Bob));
        Assert.Equal(DocumentChange.NotFound, await _f.Store.SetAccessAsync(id, AccessList.Parse("bob"), StoreFixture.Bob));
        Assert.Null(await _f.Store.GetVersionsAsync(id, StoreFixture.Bob));
        Assert.Equal(DocumentChange.NotFound, await _f.Store.RetireAsync("doc_missing", StoreFixture.Bob));
        Assert.Null(await _f.Store.GetDocumentAsync(id, StoreFixture.Bob));
    }

    [Fact]
    public async Task SetAccessAsync_Admin_ReplacesTheListKeepsTheOwnerAndRecordsIt()
    {
        var id = await UploadAsync(StoreFixture.Alice, "nda.txt", ContractTexts.Nda);

        Assert.Equal(DocumentChange.Changed, await _f.Store.SetAccessAsync(id, AccessList.Parse("group:sales"), Admin));
        Assert.Equal(DocumentChange.Unchanged, await _f.Store.SetAccessAsync(id, AccessList.Parse("group:sales,alice"), Admin));

        var document = await _f.Store.GetDocumentAsync(id, Admin);
        Assert.Equal(["group:sales", "user:alice"], document!.Access);
        var change = document.AccessHistory[^1];
        Assert.Equal("root", change.By);
        Assert.Equal(["user:alice"], change.OldAccess);
        Assert.NotNull(await _f.Store.GetDocumentAsync(id, new Principal("carol", ["sales"])));
    }

    [Fact]
    public async Task IngestUploadsAsync_SameNameAgain_IsANewVersionOfTheSameDocument()
    {
        var first = await UploadAsync(StoreFixture.Alice, "dir/../contract.txt", ContractTexts.Nda);
        var second = await UploadAsync(StoreFixture.Alice, "C:\\Users\\a\\contract.txt", ContractTexts.Supply);
        var bobs = await UploadAsync(StoreFixture.Bob, "contract.txt", ContractTexts.Supply);

        Assert.Equal(first, second);
        Assert.NotEqual(first, bobs);
        var versions = await _f.Store.GetVersionsAsync(first, StoreFixture.Alice);
        Assert.Equal([1, 2], versions!.Versions.Select(v => v.Version));
        Assert.Equal("alice", versions.Owner);
        Assert.Equal(DocumentIngestor.UploadRoot + "contract.txt", (await _f.Store.GetDocumentAsync(first, StoreFixture.Alice))!.Source);
    }

    [Fact]
    public async Task IngestUploadsAsync_OneUnreadableFile_StoresNothing()
    {
        var files = new[] { File("good.txt", ContractTexts.Nda), File("bad.txt", "") };

        var error = await Assert.ThrowsAnyAsync<TandemException>(() => _f.Ingestor.IngestUploadsAsync(files, StoreFixture.Alice));

        Assert.Equal("bad.txt is empty; check that it was saved or copied completely", error.ToUserMessage());
        Assert.Empty(await _f.Store.ListDocumentsAsync(StoreFixture.Alice));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/")]
    public async Task IngestUploadsAsync_NoUsableName_Refused(string name)
    {
        var error = await Assert.ThrowsAsync<TandemException>(() => _f.Ingestor.IngestUploadsAsync([File(name, ContractTexts.Nda)], StoreFixture.Alice));

        Assert.StartsWith("an uploaded file has no usable name", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> UploadAsync(Principal owner, string name, string text, AccessList? access = null) =>
        Assert.Single(await _f.Ingestor.IngestUploadsAsync([File(name, text)], owner, access)).DocumentId;

    private static UploadedFile File(string name, string text) => new(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
