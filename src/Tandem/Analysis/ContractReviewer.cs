using Tandem.Access;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// "Review this contract": ingest the file for the caller, read it back through the store's
/// access filter, and analyse it. The one entry point every surface calls.
/// </summary>
public sealed class ContractReviewer(DocumentIngestor ingestor, IDocumentStore store, ContractAnalyzer analyzer)
{
    /// <summary>Ingests (or finds unchanged) and analyses a contract file; one too long to analyse is refused before anything is stored.</summary>
    public async Task<RiskReport> ReviewFileAsync(string path, Principal caller, Playbook playbook, AnalysisOptions options,
        AccessList? access = null, CancellationToken cancellationToken = default)
    {
        var ingested = await ingestor.IngestFileAsync(path, caller, access, documentId: null, Task.CompletedTask, ContractAnalyzer.MaxCharacters, cancellationToken);
        return await ReviewDocumentAsync(ingested.DocumentId, caller, playbook, options, cancellationToken);
    }

    /// <summary>Analyses a stored document the caller may read.</summary>
    public async Task<RiskReport> ReviewDocumentAsync(string documentId, Principal caller, Playbook playbook, AnalysisOptions options,
        CancellationToken cancellationToken = default)
    {
        var document = await store.GetDocumentAsync(documentId, caller, cancellationToken)
            ?? throw new TandemException($"document {documentId} does not exist or you ({caller.UserId}) may not read it",
                "check the id with 'tandem documents', or ask its owner for access");
        return analyzer.Analyze(document, playbook, options);
    }
}
