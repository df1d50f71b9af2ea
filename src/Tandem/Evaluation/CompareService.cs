using Tandem.Access;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Evaluation;

/// <summary>
/// Side-by-side evaluation for every surface: the local analyst and configured language models
/// (with a prompt strategy, with or without retrieval) on the same CUAD contracts; model calls are
/// metered into the caller's ledger and a provider's failure becomes the one-line error it means.
/// </summary>
public sealed class CompareService(Lazy<ModelCatalog> models, IUsageLedgers ledgers, PriceBook prices, DocumentReaders readers, ClauseSegmenter segmenter)
{
    /// <summary>
    /// Scores each configuration (<c>local</c>, <c>&lt;model&gt;:&lt;strategy&gt;</c>,
    /// <c>&lt;model&gt;:&lt;strategy&gt;:no-retrieval</c>) on the first <paramref name="contracts"/>
    /// contracts of a CUAD-style folder; few-shot strategies take their examples from
    /// <paramref name="examplesPath"/> (default: the shipped sample set).
    /// </summary>
    public async Task<IReadOnlyList<CompareRow>> CompareAsync(string dataFolder, IReadOnlyList<string> configs, int contracts, string? examplesPath, Principal caller,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configs);
        if (contracts is < 1 or > 10_000)
        {
            throw new TandemException($"--contracts must be between 1 and 10000, not {contracts}");
        }

        var parsed = configs.Select(n => CompareConfig.Parse(n, () => models.Value)).ToList();
        var examples = parsed.Any(c => c.Strategy?.ExamplesPerCategory > 0) ? ReviewExamples.Load(examplesPath ?? ReviewExamples.DefaultPath()) : [];
        var dataset = CuadDataset.Load(dataFolder);
        var evaluator = new CuadCompareEvaluator(readers, segmenter, LocalAnalyst.Load(LocalAnalyst.DefaultPath()), ledgers.For(caller), prices)
        {
            ContractLimit = contracts, Examples = examples,
        };
        try
        {
            return await evaluator.EvaluateAsync(dataset, parsed, progress, cancellationToken);
        }
        catch (Exception e) when (parsed.Select(c => c.Model).OfType<ModelEndpoint>().Select(m => ChatClients.Describe(e, m)).FirstOrDefault(d => d is not null) is { } described)
        {
            throw described;
        }
    }
}
