namespace Tandem.Documents;

/// <summary>Turns one file format into plain text; the registry normalises the result.</summary>
public interface IDocumentReader
{
    /// <summary>File extensions this reader handles, lower-case with the dot (".docx").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>The IANA media type recorded with the document.</summary>
    string MediaType { get; }

    /// <summary>
    /// Extracts the text. Paragraphs and headings end with a newline; a blank line between blocks
    /// is welcome. Throws <see cref="DocumentException"/> for corrupt or unreadable content.
    /// </summary>
    Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default);
}
