using Tandem.Access;
using Tandem.Documents;

namespace Tandem.Store;

/// <summary>
/// Reads, segments and stores files: one file, or a folder kept in sync (new and changed files
/// ingested, removed ones retired). A file that fails to read leaves its stored state untouched,
/// and in a folder it is listed with its reason while every other file is still stored.
/// </summary>
public sealed class DocumentIngestor(IDocumentStore store, DocumentReaders readers, ClauseSegmenter segmenter)
{
    /// <summary>
    /// Names (before the extension, any case) of the project documentation a folder of contracts
    /// often carries. A Markdown or text file with one of these names is skipped by a folder
    /// ingest or sync; a Word, PDF or HTML file is not, since "License.docx" may well be a contract.
    /// </summary>
    public static IReadOnlySet<string> ProjectFileNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "README", "CHANGELOG", "CHANGES", "HISTORY", "LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS",
        "CONTRIBUTING", "CODE_OF_CONDUCT", "SECURITY",
    };

    private static readonly HashSet<string> ProjectFileExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt" };

    /// <summary>Reads, segments and stores one file as the caller's own document from its path.</summary>
    public Task<IngestResult> IngestFileAsync(string path, Principal owner, AccessList? access = null, CancellationToken cancellationToken = default) =>
        IngestFileAsync(path, owner, access, documentId: null, cancellationToken);

    /// <summary>
    /// Reads, segments and stores one file as a new version (or new access list) of
    /// <paramref name="documentId"/> when given: a document from the same path that the caller
    /// owns or, as an admin, chooses.
    /// </summary>
    public Task<IngestResult> IngestFileAsync(string path, Principal owner, AccessList? access, string? documentId, CancellationToken cancellationToken = default) =>
        IngestFileAsync(path, owner, access, documentId, Task.CompletedTask, maxCharacters: null, cancellationToken);

    /// <summary>
    /// As above, storing the file only once <paramref name="readyToStore"/> has completed: it is read and segmented
    /// meanwhile, and when <paramref name="readyToStore"/> fails, its exception is thrown and nothing is stored
    /// (a review reads the contract while it loads the playbook, and a bad playbook leaves no document behind).
    /// A text longer than <paramref name="maxCharacters"/> (a review's limit) is refused before anything is stored.
    /// </summary>
    public async Task<IngestResult> IngestFileAsync(string path, Principal owner, AccessList? access, string? documentId, Task readyToStore,
        int? maxCharacters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readyToStore);
        var (document, structure) = await ReadAsync(path, cancellationToken);
        if (maxCharacters is { } max && document.Text.Length > max)
        {
            throw Analysis.ContractAnalyzer.TooLong(document.Title, document.Text.Length);
        }

        await readyToStore;
        return await store.IngestAsync(new IngestRequest { Document = document, Structure = structure, Owner = owner, Access = access, DocumentId = documentId }, cancellationToken);
    }

    /// <summary>
    /// Where uploaded files are said to come from: a fixed root, not the temporary copy read, so the
    /// same user uploading the same file name again makes a new version of the same document, on
    /// any server node.
    /// </summary>
    public const string UploadRoot = "/uploads/";

    /// <summary>
    /// Reads and segments every uploaded file first, then stores each as the caller's document from
    /// <see cref="UploadRoot"/> and its name. A file that cannot be read stops the upload before
    /// anything is stored, with the one-line error <c>tandem ingest</c> gives for it. Each file is
    /// copied to a private temporary folder (at most the file-size limit and one byte, so an
    /// oversized file is refused by the same check as on disk) and deleted after reading.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> IngestUploadsAsync(IReadOnlyList<UploadedFile> files, Principal owner, AccessList? access = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new TandemException("the request holds no file", "send one or more files as multipart/form-data parts");
        }

        var folder = Directory.CreateTempSubdirectory("tandem-upload-");
        try
        {
            var read = new List<(ReadDocument Document, DocumentStructure Structure)>(files.Count);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = UploadName(file.FileName);
                if (!names.Add(name))
                {
                    throw new TandemException($"two files are named {TextNormalizer.DisplayName(name)}", "send each file once, or rename one");
                }

                var path = Path.Combine(folder.FullName, name);
                await using (var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await CopyAtMostAsync(file.Content, copy, readers.Limits.MaxFileBytes + 1, cancellationToken);
                }

                var (document, structure) = await ReadAsync(path, cancellationToken);
                read.Add((document with { Source = UploadRoot + name }, structure));
            }

            var results = new List<IngestResult>(read.Count);
            foreach (var (document, structure) in read)
            {
                results.Add(await store.IngestAsync(new IngestRequest { Document = document, Structure = structure, Owner = owner, Access = access }, cancellationToken));
            }

            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The last segment of a sender's file name, refused when it names no file.</summary>
    private static string UploadName(string fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/').Split('/')[^1].Trim();
        if (name.Length is 0 or > 255 || name is "." or ".." || name.Any(char.IsControl))
        {
            throw new TandemException("an uploaded file has no usable name", "give each file part a file name with its extension, e.g. contract.pdf");
        }

        return name;
    }

    private static async Task CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int count;
        while (copied < limit && (count = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            copied += count;
        }
    }

    /// <summary>
    /// Ingests every supported file under <paramref name="folder"/> (recursively) except project
    /// documentation (<see cref="IsProjectFile"/>). A file that cannot be read, for any reason but
    /// cancellation, is listed in <see cref="SyncReport.Failed"/> and the rest carry on.
    /// </summary>
    public async Task<SyncReport> IngestFolderAsync(string folder, Principal owner, AccessList? access = null,
        IProgress<(int Done, int Total, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var candidates = SupportedFiles(folder);
        var skipped = candidates.Where(IsProjectFile)
            .Select(f => new SkippedFile(f, "project documentation, not a contract; ingest it by its path to include it"))
            .ToList();
        var files = candidates.Where(f => !IsProjectFile(f)).ToList();
        var ingested = new List<IngestResult>();
        var failed = new List<FileError>();
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report((i, files.Count, files[i]));
            ReadDocument document;
            DocumentStructure structure;
            try
            {
                (document, structure) = await ReadAsync(files[i], cancellationToken);
            }
            catch (TandemException ex)
            {
                failed.Add(new FileError(files[i], ex.ToUserMessage()));
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One odd file must not cost the folder: whatever a reader or the segmenter throws is that file's error.
                failed.Add(new FileError(files[i],
                    $"{TextNormalizer.DisplayName(Path.GetFileName(files[i]))} could not be read ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ").Trim()}); " +
                    "this is a bug in Tandem, please report it with the file; the other files were ingested"));
                continue;
            }

            try
            {
                ingested.Add(await store.IngestAsync(new IngestRequest { Document = document, Structure = structure, Owner = owner, Access = access }, cancellationToken));
            }
            catch (TandemException ex)
            {
                failed.Add(new FileError(files[i], ex.ToUserMessage()));
            }
        }

        progress?.Report((files.Count, files.Count, string.Empty));
        return new SyncReport(ingested, failed, []) { Skipped = skipped };
    }

    /// <summary>
    /// Ingests the folder like <see cref="IngestFolderAsync"/>, then retires documents whose file is
    /// gone, or is now skipped as project documentation.
    /// </summary>
    public async Task<SyncReport> SyncFolderAsync(string folder, Principal owner, AccessList? access = null,
        IProgress<(int Done, int Total, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = await IngestFolderAsync(folder, owner, access, progress, cancellationToken);
        // Files that failed to read still exist: only files gone from disk are retired.
        var present = report.Ingested.Select(r => r.Source).Concat(report.Failed.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        var retired = await store.RetireMissingAsync(folder, present, owner, cancellationToken);
        return report with { Retired = retired };
    }

    /// <summary>The supported files under a folder, sorted, skipping hidden files and folders.</summary>
    public IReadOnlyList<string> SupportedFiles(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new TandemException(File.Exists(root) ? $"{folder} is a file, not a folder" : $"folder not found: {folder}",
                File.Exists(root) ? "use 'tandem ingest' for a single file" : "check the path");
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Where(readers.IsSupported)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Whether a folder ingest skips <paramref name="path"/> as project documentation: a .md,
    /// .markdown or .txt file named one of <see cref="ProjectFileNames"/> (README.md, LICENSE.txt).
    /// </summary>
    public static bool IsProjectFile(string path) =>
        ProjectFileExtensions.Contains(Path.GetExtension(path)) && ProjectFileNames.Contains(Path.GetFileNameWithoutExtension(path));

    private async Task<(ReadDocument Document, DocumentStructure Structure)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var document = await readers.ReadFileAsync(path, cancellationToken);
        return (document, segmenter.Segment(document.Text));
    }
}
