using Tandem.Access;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// Reviews every contract in a folder, one after another in this process (the embedded store's
/// batch; the server runs the same review per contract as a job). A contract that cannot be read or
/// reviewed is that item's error, and the rest carry on; each report is saved as by a single review.
/// </summary>
public sealed class BatchReviewer(ReviewService reviews, DocumentIngestor ingestor)
{
    /// <summary>The contracts in <paramref name="folder"/> (supported files, recursively; project documentation left out).</summary>
    public IReadOnlyList<string> ContractsIn(string folder)
    {
        var files = ingestor.SupportedFiles(folder).Where(f => !DocumentIngestor.IsProjectFile(f)).ToList();
        return files.Count > 0
            ? files
            : throw new TandemException($"no contracts in {folder}", "put the contracts (.txt .md .html .docx .pdf) in it, or give another folder");
    }

    /// <summary>Reviews each contract of <paramref name="folder"/> as <paramref name="caller"/>, reporting progress per contract.</summary>
    public async Task<IReadOnlyList<BatchItem>> ReviewFolderAsync(string folder, AccessList? access, ReviewRequest request, Principal caller,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = ContractsIn(folder);
        var items = new List<BatchItem>(files.Count);
        foreach (var file in files)
        {
            progress?.Report(new WorkProgress("reviewing contracts", items.Count, files.Count));
            try
            {
                var report = await reviews.ReviewFileAsync(file, access, request, caller, cancellationToken: cancellationToken);
                items.Add(new BatchItem(file, ContractSummary.Of(report), null));
            }
            catch (TandemException e)
            {
                items.Add(new BatchItem(file, null, e.ToUserMessage()));
            }
        }

        progress?.Report(new WorkProgress("reviewing contracts", items.Count, files.Count));
        return items;
    }
}
