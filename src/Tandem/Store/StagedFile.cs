namespace Tandem.Store;

/// <summary>An uploaded file as <see cref="IUploadStaging"/> kept it.</summary>
/// <param name="FileName">The name the client gave it.</param>
/// <param name="Content">Its bytes, as uploaded.</param>
public sealed record StagedFile(string FileName, byte[] Content)
{
    /// <summary>The file as an upload to ingest.</summary>
    public UploadedFile ToUpload() => new(FileName, new MemoryStream(Content, writable: false));

    /// <summary>A new staging id: "upl_" and 32 hex digits.</summary>
    public static string NewId() => "upl_" + Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="id"/> has the shape of a staging id (checked before any query).</summary>
    public static bool IsId(string? id) => id is { Length: 36 } && id.StartsWith("upl_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    /// <summary>Reads every upload's content into memory before anything is stored (the request size limit bounds it), so a broken upload stages nothing.</summary>
    public static async Task<IReadOnlyList<byte[]>> ReadAllAsync(string owner, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(files);
        var contents = new List<byte[]>(files.Count);
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.Content.CopyToAsync(buffer, cancellationToken);
            contents.Add(buffer.ToArray());
        }

        return contents;
    }
}
