namespace Tandem.Documents;

/// <summary>Reads plain text files: strict UTF-8 (optionally with a BOM) or UTF-16 with a BOM.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public string MediaType => "text/plain";

    /// <inheritdoc />
    public Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        TextDecoding.ReadTextAsync(content, fileName, cancellationToken);
}
