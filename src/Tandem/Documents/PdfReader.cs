using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Tandem.Documents;

/// <summary>
/// Reads the text layer of a PDF page by page, in content-stream order, with a blank line
/// between pages. Hyphens at line ends are left alone: "non-\ncompete" may be a real hyphen.
/// Capitalised lines that continue a wrapped sentence are joined to it (<see cref="WrappedCapitals"/>).
/// What its streams inflate to is bounded by <see cref="DocumentLimits.DecodedBudget"/>
/// (<see cref="PdfStreamBudget"/>) and how deeply its objects nest by <see cref="DocumentLimits.MaxDepth"/>.
/// </summary>
/// <param name="limits">Decompression and depth limits (default: <see cref="DocumentLimits.Default"/>).</param>
public sealed class PdfReader(DocumentLimits? limits = null) : IDocumentReader
{
    private const string CorruptHint = "open it in a PDF viewer and save or print it as a new PDF";

    private readonly DocumentLimits limits = limits ?? DocumentLimits.Default;

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

        var budget = new PdfStreamBudget(limits.DecodedBudget(bytes.Length), cancellationToken);
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = budget, MaxStackDepth = limits.MaxDepth });
            var text = new StringBuilder();
            var letters = 0;
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ThrowIfOverBudget(budget, fileName, null);
                letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                text.Append(ContentOrderTextExtractor.GetText(page, addDoubleNewline: true)).Append("\n\n");
            }

            ThrowIfOverBudget(budget, fileName, null);
            if (letters == 0)
            {
                throw new DocumentException($"{fileName} has no text layer (scanned image?)", "run OCR on it first, e.g. ocrmypdf");
            }

            return WrappedCapitals.Join(text.ToString());
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentException(
                $"{fileName} is encrypted and needs a password",
                "save an unprotected copy, e.g. qpdf --decrypt --password=... in.pdf out.pdf",
                ex);
        }
        catch (PdfDocumentStackDepthException ex)
        {
            throw limits.TooDeep(fileName, OneLine(ex.Message));
        }
        catch (Exception ex) when (ex is not (DocumentException or OperationCanceledException))
        {
            ThrowIfOverBudget(budget, fileName, ex);

            // PdfPig reports damage with many exception types (format, argument, index, ...).
            throw new DocumentException(
                $"{fileName} is not a readable PDF ({OneLine(ex.Message)})",
                CorruptHint,
                ex);
        }
    }

    private static void ThrowIfOverBudget(PdfStreamBudget budget, string fileName, Exception? cause)
    {
        if (budget.Exceeded)
        {
            throw DocumentLimits.TooLargeDecompressed(fileName, budget.Budget, cause);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
