using System.Text;
using Tandem.Postgres.Tests.Support;
using Tandem.Store;

namespace Tandem.Postgres.Tests.Conformance;

/// <summary><see cref="IUploadStaging"/>: uploads kept whole for their owner until removed, on every backend.</summary>
public abstract class UploadStagingConformance(IStoreBackend backend) : StoreConformance(backend)
{
    [Fact]
    public async Task Read_StagedFiles_TheOwnersBytesInUploadOrder()
    {
        var binary = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var id = await Store.Uploads.StageAsync(Alice.UserId, [Upload("b.txt", Encoding.UTF8.GetBytes("Clause one.")), Upload("a.pdf", binary)]);

        var files = await Store.Uploads.ReadAsync(id, Alice.UserId);

        Assert.True(StagedFile.IsId(id), id);
        Assert.NotNull(files);
        Assert.Equal(["b.txt", "a.pdf"], files.Select(f => f.FileName));
        Assert.Equal("Clause one.", Encoding.UTF8.GetString(files[0].Content));
        Assert.Equal(binary, files[1].Content);
    }

    [Fact]
    public async Task Read_OtherUserOrUnknownId_Null()
    {
        var id = await Store.Uploads.StageAsync(Alice.UserId, [Upload("secret.txt", Encoding.UTF8.GetBytes("Alice's staged text."))]);

        Assert.Null(await Store.Uploads.ReadAsync(id, Bob.UserId));
        Assert.Null(await Store.Uploads.ReadAsync(id, Admin.UserId));
        Assert.Null(await Store.Uploads.ReadAsync("upl_" + new string('0', 32), Alice.UserId));
        Assert.Null(await Store.Uploads.ReadAsync("'; DROP TABLE staged_uploads; --", Alice.UserId));
        Assert.NotNull(await Store.Uploads.ReadAsync(id, Alice.UserId));
    }

    [Fact]
    public async Task Remove_Staged_GoneOnceAndOthersKept()
    {
        var first = await Store.Uploads.StageAsync(Alice.UserId, [Upload("one.txt", [1, 2, 3])]);
        var second = await Store.Uploads.StageAsync(Alice.UserId, [Upload("two.txt", [4, 5, 6])]);

        Assert.True(await Store.Uploads.RemoveAsync(first));
        Assert.False(await Store.Uploads.RemoveAsync(first));
        Assert.Null(await Store.Uploads.ReadAsync(first, Alice.UserId));
        Assert.Equal([4, 5, 6], Assert.Single((await Store.Uploads.ReadAsync(second, Alice.UserId))!).Content);
    }

    private static UploadedFile Upload(string name, byte[] content) => new(name, new MemoryStream(content));
}
