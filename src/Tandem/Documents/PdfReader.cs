using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Tandem.Documents;

/// <summary>
/// Reads the text layer of a PDF page by page, in content-stream order, with a blank line
/// between pages. Hyphens at line ends are left alone: "non-\ncompete" may be a real hyphen.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    private const string CorruptHint = "open it in a PDF viewer and save or print it as a new PDF";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    /// <inheritdoc />
    public string MediaType => "application/pdf";

    /// <inheritdoc />
    public async Task<string> ReadTextAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await TextDecoding.ReadAllBytesAsync(content, cancellationToken).ConfigureAwait(false);

        // Readers tolerate junk before the header, but not a file that never declares itself a PDF.
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new DocumentException($"{fileName} is not a readable PDF (no %PDF header)", CorruptHint);
        }

        try
        {
            using var document = PdfDocument.Open(bytes);
            var text = new StringBuilder();
            var letters = 0;
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                text.Append(ContentOrderTextExtractor.GetText(page, addDoubleNewline: true)).Append("\n\n");
            }

            if (letters == 0)
            {
                throw new DocumentException($"{fileName} has no text layer (scanned image?)", "run OCR on it first, e.g. ocrmypdf");
            }

            return text.ToString();
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentException(
                $"{fileName} is encrypted and needs a password",
                "save an unprotected copy, e.g. qpdf --decrypt --password=... in.pdf out.pdf",
                ex);
        }
        catch (Exception ex) when (ex is not (DocumentException or OperationCanceledException))
        {
            // PdfPig reports damage with many exception types (format, argument, index, ...).
            throw new DocumentException(
                $"{fileName} is not a readable PDF ({ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.')})",
                CorruptHint,
                ex);
        }
    }
}
