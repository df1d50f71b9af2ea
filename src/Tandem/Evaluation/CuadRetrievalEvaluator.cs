using System.Diagnostics;
using Microsoft.Extensions.AI;
using CsvHelper;
using System.Globalization;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Learning;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Evaluation;

/// <summary>
/// Retrieval scored LegalBench-RAG style on CUAD: one query per contract and category (the
/// category's name and description, read from the data folder), clauses retrieved within that
/// contract, and character-level precision and recall of the annotated spans in the top k
/// clauses, for k = 1, 2, 4, 8, 16, 32. Only pairs with at least one located annotation count.
/// </summary>
public sealed class CuadRetrievalEvaluator(DocumentReaders readers, ClauseSegmenter segmenter)
{
    public static IReadOnlyList<int> Ks { get; } = [1, 2, 4, 8, 16, 32];

    /// <summary>The dense model (needed by dense and hybrid configurations).</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    /// <summary>Where the pieces' vectors are kept between runs (the same table <c>tandem ingest</c> fills); null embeds on every run.</summary>
    public IClauseVectorStore? Vectors { get; init; }

    public async Task<CuadRetrievalEvaluation> EvaluateAsync(CuadDataset data, IReadOnlyList<string> configs, IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // rerank is scored like the others; its ranking comes from CuadRerankRanker, and it needs the dense model.
        var parsed = configs.Select(c => c == CuadRerankRanker.Name ? new RetrievalConfig(c, 0, 1) : RetrievalConfig.Parse(c)).ToList();
        var watch = Stopwatch.StartNew();
        var queries = CategoryQueries(data.Folder);
        var read = new List<(CuadContract Contract, List<Clause> Clauses, Dictionary<string, List<(int Start, int End)>> Gold)>();
        foreach (var contract in data.Contracts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new WorkProgress("reading contracts", read.Count, data.Contracts.Count));
            var text = (await readers.ReadFileAsync(contract.TextPath, cancellationToken)).Text;
            var clauses = segmenter.Segment(text).Clauses.Where(c => c.Kind != ClauseKind.TableOfContents).ToList();
            var gold = CuadTrainingSet.LocateGold(contract, text, firstOccurrenceOnly: true).Spans;
            read.Add((contract, clauses, gold));
        }

        IReadOnlyList<float[]>? vectors = null;
        if (parsed.Any(c => c.UsesDense))
        {
            var generator = Embeddings ?? throw new TandemException("the dense, hybrid and rerank configurations need an embedding model", "evaluate bm25 only, or give the evaluator an embedding model");
            vectors = await new StoredEmbeddings(generator, Vectors).GetAsync(read.SelectMany(c => c.Clauses.Select(x => x.Text)).ToList(), progress, cancellationToken);
        }

        var offset = 0;
        var queryEmbeddings = Embeddings is null ? null : new MemoizedEmbeddingGenerator(MiniLmEmbeddingGenerator.ForQueries(Embeddings));
        var contracts = new List<CuadRetrievalContract>(read.Count);
        foreach (var (contract, clauses, gold) in read)
        {
            var own = vectors?.Skip(offset).Take(clauses.Count).ToList();
            offset += clauses.Count;
            contracts.Add(new CuadRetrievalContract(contract, clauses, own ?? [], new HybridIndex(clauses.Select(c => c.Text).ToList(), own, own is null ? null : queryEmbeddings), gold));
        }

        var reranked = configs.Contains(CuadRerankRanker.Name) ? await new CuadRerankRanker(contracts, queries).RankAsync(progress, cancellationToken) : null;
        var results = new List<CuadRetrievalScore>();
        var sums = parsed.ToDictionary(c => c.Name, _ => Ks.ToDictionary(k => k, _ => (Precision: 0.0, Recall: 0.0)), StringComparer.Ordinal);
        var count = 0;
        for (var c = 0; c < contracts.Count; c++)
        {
            progress?.Report(new WorkProgress($"searching {string.Join(", ", configs)} within each contract", c, contracts.Count));
            var (_, clauses, _, index, gold) = contracts[c];
            foreach (var (category, spans) in gold)
            {
                count++;
                var query = queries.GetValueOrDefault(category, category);
                foreach (var config in parsed)
                {
                    var items = config.Name == CuadRerankRanker.Name
                        ? reranked![(c, category)]
                        : (await index.SearchAsync(query, config, Ks[^1], cancellationToken: cancellationToken)).Select(h => h.Item).ToList();
                    var ranking = items.Select(i => clauses[i]).ToList();
                    foreach (var k in Ks)
                    {
                        var (p, r) = CharacterOverlap(ranking.Take(k).Select(x => (x.Start, x.End)).ToList(), spans);
                        var s = sums[config.Name][k];
                        sums[config.Name][k] = (s.Precision + p, s.Recall + r);
                    }
                }
            }
        }

        foreach (var config in parsed)
        {
            foreach (var k in Ks)
            {
                var s = sums[config.Name][k];
                results.Add(new CuadRetrievalScore(config.Name, k, count == 0 ? 0 : s.Precision / count, count == 0 ? 0 : s.Recall / count));
            }
        }

        return new CuadRetrievalEvaluation(count, results, watch.Elapsed);
    }

    /// <summary>Character precision and recall of retrieved spans against gold spans (each set merged first).</summary>
    public static (double Precision, double Recall) CharacterOverlap(IReadOnlyList<(int Start, int End)> retrieved, IReadOnlyList<(int Start, int End)> gold)
    {
        var r = Merge(retrieved);
        var g = Merge(gold);
        long overlap = 0;
        foreach (var a in r)
        {
            foreach (var b in g)
            {
                overlap += Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
            }
        }

        var retrievedLength = r.Sum(x => (long)(x.End - x.Start));
        var goldLength = g.Sum(x => (long)(x.End - x.Start));
        return (retrievedLength == 0 ? 0 : overlap / (double)retrievedLength, goldLength == 0 ? 0 : overlap / (double)goldLength);
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans.Where(s => s.End > s.Start).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    /// <summary>Query per category: its name and, when the data folder has category_descriptions.csv, its description.</summary>
    internal static Dictionary<string, string> CategoryQueries(string folder)
    {
        var queries = ClauseCategories.All.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        var path = Path.Combine(folder, "category_descriptions.csv");
        if (!File.Exists(path))
        {
            return queries;
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var name = (csv.GetField(0) ?? string.Empty).Replace("Category:", string.Empty, StringComparison.Ordinal).Trim();
            var description = (csv.GetField(1) ?? string.Empty).Replace("Description:", string.Empty, StringComparison.Ordinal).Trim();
            if (ClauseCategories.Canonical(name) is { } category)
            {
                queries[category] = category + ". " + description;
            }
        }

        return queries;
    }
}
