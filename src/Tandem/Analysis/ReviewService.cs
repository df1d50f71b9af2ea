using Microsoft.Extensions.Logging;
using Tandem.Access;
using Tandem.Economics;
using Tandem.Learning;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// "Review this contract" for every surface: ingest a file (or take a stored document), review it
/// with the local champion or a configured LLM (metered into the caller's ledger), and keep the
/// report with its context, so it can be fetched and corrected later.
/// </summary>
public sealed class ReviewService(DocumentIngestor ingestor, IDocumentStore store, IReportStore reports, IModelRegistry registry,
    Lazy<ModelCatalog> models, IUsageLedgers ledgers, Lazy<PriceBook> prices, ILogger<ReviewService> logger)
{
    /// <summary>Ingests the file as the caller's document (unchanged files change nothing), reviews it and saves the report.</summary>
    public async Task<RiskReport> ReviewFileAsync(string path, AccessList? access, ReviewRequest request, Principal caller,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The playbook is loaded on another core while the contract is read; the contract is stored only once the
        // playbook has loaded, so a bad playbook fails the review with nothing stored, as when it was loaded first.
        var playbook = Task.Run(() => LoadPlaybook(request), cancellationToken);
        var analyst = Task.Run(() => LoadAnalystAsync(request, cancellationToken), cancellationToken);
        progress?.Report(new WorkProgress("reading the contract"));
        IngestResult ingested;
        using (TandemTelemetry.Source.StartActivity("tandem.review.ingest"))
        {
            ingested = await ingestor.IngestFileAsync(path, caller, access, documentId: null, playbook, ContractAnalyzer.MaxCharacters, cancellationToken);
        }

        var document = await store.GetDocumentAsync(ingested.DocumentId, caller, cancellationToken) ?? throw StoredDocument.NotFound(ingested.DocumentId, caller);
        return await ReviewAsync(document, await playbook, analyst, request, caller, progress, cancellationToken);
    }

    /// <summary>Reviews a stored document the caller may read and saves the report.</summary>
    public async Task<RiskReport> ReviewDocumentAsync(string documentId, ReviewRequest request, Principal caller,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var analyst = Task.Run(() => LoadAnalystAsync(request, cancellationToken), cancellationToken);
        var playbook = LoadPlaybook(request);
        var document = await store.GetDocumentAsync(documentId, caller, cancellationToken) ?? throw StoredDocument.NotFound(documentId, caller);
        return await ReviewAsync(document, playbook, analyst, request, caller, progress, cancellationToken);
    }

    /// <summary>A saved report, if the caller may read its document; null otherwise (no difference between "absent" and "not yours").</summary>
    public Task<RiskReport?> GetReportAsync(string reportId, Principal caller, CancellationToken cancellationToken = default) =>
        reports.GetAsync(reportId, caller, cancellationToken);

    private static Playbook LoadPlaybook(ReviewRequest request)
    {
        using var span = TandemTelemetry.Source.StartActivity("tandem.playbook.load");
        return PlaybookLoader.Load(request.PlaybookPath ?? PlaybookLoader.DefaultPath());
    }

    /// <summary>The analyst asked for, or the local champion. The LLM path uses it too: it ranks the clauses the prompt carries.</summary>
    private async Task<LocalAnalyst> LoadAnalystAsync(ReviewRequest request, CancellationToken cancellationToken) =>
        request.ModelFile is { } modelFile ? LocalAnalyst.Load(modelFile) : await registry.LoadLocalChampionAsync(cancellationToken);

    private async Task<RiskReport> ReviewAsync(StoredDocument document, Playbook playbook, Task<LocalAnalyst> loading, ReviewRequest request,
        Principal caller, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new WorkProgress("loading the local analyst"));
        RiskReport report;
        if (request.Model is { } modelName)
        {
            var ranker = await loading;
            progress?.Report(new WorkProgress($"asking {modelName}"));
            report = await ReviewWithModelAsync(document, modelName, ranker, playbook, request, caller, cancellationToken);
        }
        else
        {
            // While the analyst loads on another core, this one builds the patterns the contract's words call for.
            using (var preparing = TandemTelemetry.Source.StartActivity("tandem.playbook.prepare"))
            {
                preparing?.SetTag("tandem.patterns.built", playbook.Prepare(document.Text, until: loading));
            }

            var analyst = await loading;
            StoredReports.WarmUp();
            progress?.Report(new WorkProgress($"analysing {document.Clauses.Count} clauses"));
            using var span = TandemTelemetry.Source.StartActivity("tandem.review.analyze");
            report = new ContractAnalyzer(analyst).Analyze(document, playbook, request.Options, progress);
        }

        // Kept with its context, so a correction can be recorded against it.
        using (TandemTelemetry.Source.StartActivity("tandem.review.save"))
        {
            await reports.SaveAsync(report, caller, cancellationToken);
        }

        logger.LogInformation("Reviewed document {DocumentId} v{Version} for {User} with {Model}: {Findings} findings, report {ReportId}",
            report.DocumentId, report.Version, caller.UserId, report.Model, report.Findings.Count, report.ReportId);
        return report;
    }

    /// <summary>The LLM path: the configured model, metered into the caller's ledger; provider failures become clear errors.</summary>
    private async Task<RiskReport> ReviewWithModelAsync(StoredDocument document, string modelName, LocalAnalyst ranker, Playbook playbook, ReviewRequest request,
        Principal caller, CancellationToken cancellationToken)
    {
        var endpoint = models.Value.Get(modelName);
        var strategy = PromptStrategy.Load(request.Strategy);
        var examples = strategy.ExamplesPerCategory == 0 ? [] : ReviewExamples.Load(request.ExamplesPath ?? ReviewExamples.DefaultPath());
        using var client = ChatClients.Create(endpoint, ledgers.For(caller), prices.Value, "analyze");
        try
        {
            return await new LlmContractAnalyzer(client, $"{endpoint.Name} ({endpoint.Model})", strategy, new TokenCounter(), ranker)
                .AnalyzeAsync(document, playbook, examples, request.Options.ForParty, cancellationToken);
        }
        catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
        {
            throw described;
        }
    }
}
