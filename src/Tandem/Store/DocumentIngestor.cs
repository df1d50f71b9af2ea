using Tandem.Access;
using Tandem.Documents;

namespace Tandem.Store;

/// <summary>
/// Reads, segments and stores files: one file, or a folder kept in sync (new and changed files
/// ingested, removed ones retired). A file that fails to read leaves its stored state untouched.
/// </summary>
public sealed class DocumentIngestor(IDocumentStore store, DocumentReaders readers, ClauseSegmenter segmenter)
{
    /// <summary>Reads, segments and stores one file.</summary>
    public async Task<IngestResult> IngestFileAsync(string path, Principal owner, AccessList? access = null, CancellationToken cancellationToken = default)
    {
        var document = await readers.ReadFileAsync(path, cancellationToken);
        var structure = segmenter.Segment(document.Text);
        return await store.IngestAsync(new IngestRequest { Document = document, Structure = structure, Owner = owner, Access = access }, cancellationToken);
    }

    /// <summary>Ingests every supported file under <paramref name="folder"/> (recursively); a failing file does not stop the rest.</summary>
    public async Task<SyncReport> IngestFolderAsync(string folder, Principal owner, AccessList? access = null,
        IProgress<(int Done, int Total, string File)>? progress = null, CancellationToken cancellationToken = default)
    {
        var files = SupportedFiles(folder);
        var ingested = new List<IngestResult>();
        var failed = new List<FileError>();
        for (var i = 0; i < files.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report((i, files.Count, files[i]));
            try
            {
                ingested.Add(await IngestFileAsync(files[i], owner, access, cancellationToken));
            }
            catch (TandemException ex)
            {
                failed.Add(new FileError(files[i], ex.ToUserMessage()));
            }
        }

        progress?.Report((files.Count, files.Count, string.Empty));
        return new SyncReport(ingested, failed, []);
    }

    /// <summary>Ingests the folder like <see cref="IngestFolderAsync"/>, then retires documents whose file is gone.</summary>
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
}
