using System.Diagnostics;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Evaluation;

/// <summary>
/// Runs configurations side by side on the same CUAD contracts: the local analyst, and LLMs with
/// a prompt strategy, with retrieval (the local analyst ranks the clauses) or without (the
/// contract from its start until the context budget is spent). Reports CUAD AUPR (predictions
/// are the verified quotes, at the model's confidence), citation precision, prompt tokens,
/// latency and cost per contract. Contracts are taken in name order, up to a limit, since every
/// LLM configuration costs real money.
/// </summary>
public sealed class CuadCompareEvaluator(DocumentReaders readers, ClauseSegmenter segmenter, LocalAnalyst analyst, IUsageLedger ledger, PriceBook prices)
{
    public int ContractLimit { get; init; } = 20;

    /// <summary>Worked examples for few-shot strategies.</summary>
    public IReadOnlyList<ReviewExample> Examples { get; init; } = [];

    public async Task<IReadOnlyList<CompareRow>> EvaluateAsync(CuadDataset data, IReadOnlyList<CompareConfig> configs, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(configs);
        var contracts = data.Contracts.OrderBy(c => c.Name, StringComparer.Ordinal).Take(ContractLimit).ToList();
        var documents = new List<(CuadContract Contract, StoredDocument Document)>();
        foreach (var contract in contracts)
        {
            var text = (await readers.ReadFileAsync(contract.TextPath, cancellationToken)).Text;
            var clauses = segmenter.Segment(text).Clauses.Select((c, i) => new StoredClause($"{contract.Name}#{i}", c)).ToList();
            documents.Add((contract, new StoredDocument(contract.Name, contract.Name, contract.TextPath, "text/plain", 1, string.Empty, text, clauses)));
        }

        var rows = new List<CompareRow>();
        foreach (var config in configs)
        {
            var questions = new List<CuadQuestion>();
            var recording = new RecordingLedger(ledger);
            double promptTokens = 0, citationPrecision = 0;
            var watch = Stopwatch.StartNew();
            using var client = config.Model is null ? null : ChatClients.Create(config.Model, recording, prices, "eval compare");
            var reviewed = 0;
            foreach (var (contract, document) in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new WorkProgress($"{config.Name}: reviewing contracts", reviewed++, documents.Count));
                var predictions = new Dictionary<string, List<CuadPrediction>>(StringComparer.Ordinal);
                if (client is null)
                {
                    var clauses = document.Clauses.Where(c => c.Clause.Kind != ClauseKind.TableOfContents).ToList();
                    var scores = analyst.Score(clauses.Select(c => c.Clause).ToList());
                    for (var k = 0; k < analyst.Categories.Count; k++)
                    {
                        var category = analyst.Categories[k];
                        predictions[category] = [.. CuadEvaluator.RankedPredictions(
                            Enumerable.Range(0, clauses.Count).Select(i => (clauses[i].Clause.Text, (double)scores[i][k])), DateAnswers.Categories.Contains(category))];
                    }

                    citationPrecision += 1;
                }
                else
                {
                    var review = await new LlmContractAnalyzer(client, config.Model!.Name, config.Strategy!, new TokenCounter(), analyst)
                        .ReviewAsync(document, Examples, config.Retrieval, cancellationToken);
                    foreach (var claim in review.Claims.Where(c => c.Verified))
                    {
                        (predictions.TryGetValue(claim.Category!, out var list) ? list : predictions[claim.Category!] = []).Add(new CuadPrediction(claim.Check.VerbatimQuote!, claim.Claim.Confidence));
                    }

                    promptTokens += review.Prompt.PromptTokens;
                    citationPrecision += review.CitationPrecision;
                }

                questions.AddRange(ClauseCategories.All.Select(category => new CuadQuestion(contract.Name, category,
                    contract.Gold.GetValueOrDefault(category) ?? [], predictions.GetValueOrDefault(category) ?? [])));
            }

            var perCategory = ClauseCategories.All.Select(c => CuadScore.Of(c, questions.Where(q => q.Category == c).ToList())).Where(c => c.GoldSpans > 0).ToList();
            var n = Math.Max(1, documents.Count);
            var costs = recording.Entries.Where(e => e.Succeeded).Select(e => e.CostUsd).ToList();
            rows.Add(new CompareRow(config.Name, documents.Count, CuadScore.Of("overall", questions).Aupr, perCategory.Count == 0 ? 0 : perCategory.Average(c => c.Aupr),
                citationPrecision / n, promptTokens / n, watch.Elapsed.TotalMilliseconds / n,
                client is null ? 0m : costs.Any(c => c is null) ? null : costs.Sum(c => c ?? 0) / n)
            {
                Categories = perCategory,
                ContractNames = documents.Select(d => d.Contract.Name).ToList(),
            });
        }

        return rows;
    }
}
