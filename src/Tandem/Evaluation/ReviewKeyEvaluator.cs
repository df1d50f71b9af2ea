using System.Diagnostics;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Evaluation;

/// <summary>
/// Reviews every contract an answer key names, as the key's side, and scores each report.
/// Each file is read and segmented as ingest does and analysed by the same
/// <see cref="ContractAnalyzer"/> that <c>tandem analyze</c> uses, but nothing is stored: an
/// evaluation leaves no documents or reports in anyone's store.
/// </summary>
public sealed class ReviewKeyEvaluator(DocumentReaders readers, ClauseSegmenter segmenter, ContractAnalyzer analyzer)
{
    private readonly ReviewKeyScorer _scorer = new();

    /// <summary>Reviews and scores each keyed contract under <paramref name="contractsFolder"/>.</summary>
    public async Task<ReviewEvaluation> EvaluateAsync(ReviewKey key, string contractsFolder, Playbook playbook,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(contractsFolder);
        ArgumentNullException.ThrowIfNull(playbook);
        if (!Directory.Exists(contractsFolder))
        {
            throw new TandemException($"contracts folder not found: {contractsFolder}", "pass --contracts with the folder the key's file names are relative to");
        }

        // A key naming a file that is not there fails with the folder named, before anything is read.
        var paths = key.Contracts.Select(c => Path.Combine(contractsFolder, c.File)).ToList();
        if (key.Contracts.Zip(paths).FirstOrDefault(p => !File.Exists(p.Second)) is { First: { } absent })
        {
            throw new TandemException($"the answer key names {absent.File}, which is not in {contractsFolder}", "check --contracts, or the file name in the key");
        }

        var watch = Stopwatch.StartNew();
        // Read and check every contract before analysing any, so a mistake in the key is one error and no partial output.
        var documents = new List<StoredDocument>();
        foreach (var (entry, path) in key.Contracts.Zip(paths))
        {
            var document = await ReadAsync(path, cancellationToken);
            CheckPaths(entry, document);
            CheckSide(entry, document);
            documents.Add(document);
        }

        var scores = new List<ReviewContractScore>();
        var model = string.Empty;
        for (var i = 0; i < documents.Count; i++)
        {
            progress?.Report(new WorkProgress("reviewing keyed contracts", i, documents.Count));
            var entry = key.Contracts[i];
            var report = analyzer.Analyze(documents[i], playbook, new AnalysisOptions { ForParty = entry.Side });
            model = report.Model;
            scores.Add(_scorer.Score(entry, report, documents[i].Clauses.Select(c => c.Clause).ToList()));
        }

        progress?.Report(new WorkProgress("reviewing keyed contracts", documents.Count, documents.Count));
        return new ReviewEvaluation(model, $"{playbook.Name} {playbook.Version}", scores, watch.Elapsed);
    }

    /// <summary>The file as ingest would store it: read, normalised and segmented, with the store's clause ids.</summary>
    private async Task<StoredDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var read = await readers.ReadFileAsync(path, cancellationToken);
        var id = "review-key:" + read.ContentHash[..16];
        var clauses = segmenter.Segment(read.Text).Clauses.Select(c => new StoredClause(SqliteDocumentStore.ClauseIdFor(id, c), c)).ToList();
        return new StoredDocument(id, read.Title, read.Source, read.MediaType, 1, read.ContentHash, read.Text, clauses);
    }

    /// <summary>The key's side must be one of the parties the preamble names, as <c>--for</c> would resolve it.</summary>
    private static void CheckSide(ReviewKeyContract entry, StoredDocument document)
    {
        try
        {
            ReviewSide.Of(document, entry.Side);
        }
        catch (TandemException ex)
        {
            throw new TandemException($"answer key entry {entry.File}: {ex.Message}", "set the entry's side to one of those roles or names", ex);
        }
    }

    /// <summary>A key path no clause has is a typo that would score as a miss: refuse it and say where to look.</summary>
    private static void CheckPaths(ReviewKeyContract entry, StoredDocument document)
    {
        var unknown = entry.Paths.Distinct(StringComparer.Ordinal)
            .Where(p => !document.Clauses.Any(c => ReviewKeyScorer.Covers(p, c.Clause.Path)))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new TandemException($"answer key entry {entry.File} names clause paths the contract does not have: {string.Join(", ", unknown)}",
                $"run 'tandem clauses {entry.File}' to see the paths Tandem assigns");
        }
    }
}
