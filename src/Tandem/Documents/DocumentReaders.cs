using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Documents;

/// <summary>
/// Picks the reader for a file by its extension and turns the file into a <see cref="ReadDocument"/>:
/// checks that it exists, is a supported non-empty file within the size limit, extracts and
/// normalises its text, and hashes it. Every failure is a one-line <see cref="DocumentException"/>
/// that names the file and says what to do; reading stops at the <see cref="DocumentLimits"/>.
/// </summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<string, IDocumentReader> readers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry over <paramref name="readers"/>; each extension may have one reader.</summary>
    /// <param name="readers">The readers; each applies its own format's limits.</param>
    /// <param name="limits">The file size and time limits (default: <see cref="DocumentLimits.Default"/>).</param>
    /// <exception cref="ArgumentException">Two readers claim the same extension.</exception>
    public DocumentReaders(IEnumerable<IDocumentReader> readers, DocumentLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(readers);
        Limits = limits ?? DocumentLimits.Default;
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

    /// <summary>The limits every read stops at: size before reading, time while reading.</summary>
    public DocumentLimits Limits { get; }

    /// <summary>Extensions that have a reader, lower-case with the dot, sorted.</summary>
    public IReadOnlyList<string> SupportedExtensions { get; }

    /// <summary>A registry with the built-in readers (.txt, .md, .html, .docx and .pdf), all under <paramref name="limits"/>.</summary>
    public static DocumentReaders CreateDefault(DocumentLimits? limits = null)
    {
        limits ??= DocumentLimits.Default;
        return new([new PlainTextReader(), new MarkdownReader(limits), new HtmlReader(limits), new DocxReader(limits), new PdfReader(limits)], limits);
    }

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
        var fileName = TextNormalizer.DisplayName(Path.GetFileName(fullPath));

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

        if (size > Limits.MaxFileBytes)
        {
            throw new DocumentException(
                $"{fileName} is too large ({Megabytes(size, roundUp: true)} MB; the limit is {Megabytes(Limits.MaxFileBytes, roundUp: false)} MB)",
                "split it into smaller files, or raise TANDEM_MAX_FILE_MB");
        }

        string raw;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limits.ReadTimeout);
        try
        {
            var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                raw = await reader.ReadTextAsync(stream, fileName, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            throw new DocumentException(
                $"{fileName} took longer than {Limits.ReadTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s to read",
                "it may be built to stall readers; if it is a real document, raise TANDEM_READ_TIMEOUT_S",
                ex);
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

        var title = TextNormalizer.DisplayName(Path.GetFileNameWithoutExtension(fullPath));
        return new ReadDocument(fullPath, title, reader.MediaType, text, ContentHash(text), size);
    }

    // SHA-256 of the UTF-8 text, encoded a slice at a time: a 60 MB text needs no 60 MB byte copy.
    private static string ContentHash(string text)
    {
        const int Slice = 64 * 1024;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(Slice)];
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(Slice, text.Length - start);
            // Never split a surrogate pair between slices: each half alone would encode as U+FFFD.
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            var count = Encoding.UTF8.GetBytes(text.AsSpan(start, length), buffer);
            hash.AppendData(buffer, 0, count);
            start += length;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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
