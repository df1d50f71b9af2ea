using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Documents;

/// <summary>
/// Picks the reader for a file by its extension and turns the file into a <see cref="ReadDocument"/>:
/// checks that it exists, is a supported non-empty file within the size limit, extracts and
/// normalises its text, and hashes it. Every failure is a one-line <see cref="DocumentException"/>
/// that names the file and says what to do.
/// </summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<string, IDocumentReader> readers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry over <paramref name="readers"/>; each extension may have one reader.</summary>
    /// <exception cref="ArgumentException">Two readers claim the same extension.</exception>
    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                if (!this.readers.TryAdd(extension, reader))
                {
                    throw new ArgumentException($"more than one reader handles '{extension}'", nameof(readers));
                }
            }
        }

        SupportedExtensions = [.. this.readers.Keys.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal)];
    }

    /// <summary>The largest file the registry will read; larger files are refused before reading.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Extensions that have a reader, lower-case with the dot, sorted.</summary>
    public IReadOnlyList<string> SupportedExtensions { get; }

    /// <summary>A registry with the built-in readers: .txt, .md, .html, .docx and .pdf.</summary>
    public static DocumentReaders CreateDefault() =>
        new([new PlainTextReader(), new MarkdownReader(), new HtmlReader(), new DocxReader(), new PdfReader()]);

    /// <summary>Whether <paramref name="path"/> has an extension some reader handles.</summary>
    public bool IsSupported(string path) =>
        !string.IsNullOrEmpty(path) && readers.ContainsKey(Path.GetExtension(path));

    /// <summary>Reads, normalises and hashes one file.</summary>
    /// <param name="path">Absolute or relative path of the file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DocumentException">The file is missing, unsupported, empty, too large, unreadable or has no text.</exception>
    public async Task<ReadDocument> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = FullPath(path);
        var fileName = Path.GetFileName(fullPath);

        if (Directory.Exists(fullPath))
        {
            throw new DocumentException($"{path} is a directory, not a file", $"to read every document in it, run: tandem sync {path}");
        }

        if (!File.Exists(fullPath))
        {
            throw new DocumentException($"file not found: {path}", "check the path");
        }

        var extension = Path.GetExtension(fullPath);
        if (!readers.TryGetValue(extension, out var reader))
        {
            var what = extension.Length == 0 ? "has no file extension" : $"has an unsupported file type ({extension})";
            throw new DocumentException(
                $"{fileName} {what}",
                $"supported types are {string.Join(", ", SupportedExtensions)}; convert it to one of them");
        }

        var size = new FileInfo(fullPath).Length;
        if (size == 0)
        {
            throw new DocumentException($"{fileName} is empty", "check that it was saved or copied completely");
        }

        if (size > MaxFileBytes)
        {
            throw new DocumentException(
                $"{fileName} is too large ({Megabytes(size, roundUp: true)} MB; the limit is {Megabytes(MaxFileBytes, roundUp: false)} MB)",
                "split it into smaller files, or raise the file size limit");
        }

        string raw;
        try
        {
            var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                raw = await reader.ReadTextAsync(stream, fileName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DocumentException or OperationCanceledException)
        {
            throw;
        }
        catch (FileNotFoundException ex)
        {
            throw new DocumentException($"file not found: {path}", "check the path", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DocumentException($"{fileName} cannot be read (permission denied)", "check the file's permissions", ex);
        }
        catch (IOException ex)
        {
            throw new DocumentException(
                $"{fileName} cannot be read ({OneLine(ex.Message)})",
                "close any program that has it open and try again",
                ex);
        }
        catch (Exception ex)
        {
            throw new DocumentException(
                $"{fileName} could not be read as {extension.ToLowerInvariant()} ({ex.GetType().Name}: {OneLine(ex.Message)})",
                "check that the file opens in its usual application, or export it as PDF or text",
                ex);
        }

        var text = TextNormalizer.Normalize(raw ?? string.Empty);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentException($"{fileName} contains no text", "check that it is the document you meant");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new ReadDocument(fullPath, Path.GetFileNameWithoutExtension(fullPath), reader.MediaType, text, hash, size);
    }

    private static string FullPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DocumentException("file not found: (empty path)", "check the path");
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DocumentException($"invalid path: {path}", "check the path", ex);
        }
    }

    // One decimal; a size just over the limit rounds up so it never reads as equal to the limit.
    private static string Megabytes(long bytes, bool roundUp)
    {
        var tenths = bytes * 10.0 / (1024 * 1024);
        return ((roundUp ? Math.Ceiling(tenths) : Math.Floor(tenths)) / 10).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
