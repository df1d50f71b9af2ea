using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Tandem.Retrieval;

namespace Tandem.Bench;

/// <summary>
/// Recall of the IVF vector index against an exact scan over the same stored vectors (every
/// current clause of the benchmark store), by probes: the queries are the retrieval benchmark's
/// and the ACORD development queries (read from the data folder, never copied), each embedded by
/// MiniLM. Reported without an access filter and with one that accepts half of the items, since
/// a filter thins out the candidates a probe brings.
/// </summary>
internal static class VectorRecallBench
{
    public static async Task RunAsync(string dbPath, string model, IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> benchQueries,
        string acordQueries, VectorIndexSettings settings)
    {
        var us = CultureInfo.InvariantCulture;
        var index = new IncrementalVectorIndex(settings);
        var stored = new List<float[]>();
        await using (var connection = new SqliteConnection($"Data Source={dbPath};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT v.vector FROM documents d JOIN clauses c ON c.version_id = d.current_version_id
                JOIN clause_hashes h ON h.clause = c.id JOIN clause_vectors v ON v.model = $model AND v.hash = h.hash
                WHERE d.retired_at IS NULL ORDER BY c.id
                """;
            command.Parameters.AddWithValue("$model", model);
            await using var reader = await command.ExecuteReaderAsync();
            var item = 0;
            while (await reader.ReadAsync())
            {
                var blob = (byte[])reader.GetValue(0);
                var vector = new float[blob.Length / 2]; // float16, as the store keeps it
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(blob), vector);
                index.Add(item++, vector);
                stored.Add(vector);
            }
        }

        var watch = Stopwatch.StartNew();
        index = index.Rebuilt();
        Console.WriteLine(string.Create(us, $"IVF recall: {index.Count} vectors, {index.Partitions} partitions built in {watch.Elapsed.TotalSeconds:0.0} s"));

        var queries = benchQueries.ToList(); // the probes of each line are VectorIndexSettings.ProbesFor(share) for a base of 16-64, as the server scales them
        if (File.Exists(acordQueries))
        {
            queries.AddRange(File.ReadLines(acordQueries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!));
        }

        var vectors = new List<float[]>();
        foreach (var q in queries)
        {
            vectors.Add((await embeddings.GenerateVectorAsync(q)).ToArray());
        }

        // The index's exact scan (every partition: 8-bit pass, then the candidates rescored) against a plain float loop over the same vectors.
        var identical = 0;
        var worst = 0.0;
        foreach (var v in vectors)
        {
            var plain = stored.Select((row, i) => (Item: i, Score: (double)System.Numerics.Tensors.TensorPrimitives.Dot(v, row)))
                .OrderByDescending(h => h.Score).ThenBy(h => h.Item).Take(100).ToList();
            var scanned = index.Search(v, 100, null, int.MaxValue);
            identical += plain.Select(h => h.Item).SequenceEqual(scanned.Select(h => h.Item)) ? 1 : 0;
            worst = Math.Max(worst, plain.Zip(scanned).Max(p => Math.Abs(p.First.Score - p.Second.Score)));
        }

        Console.WriteLine(string.Create(us, $"exact scan by the index against a plain loop: top 100 identical for {identical} of {vectors.Count} queries, largest score difference {worst:0.0e0}"));

        // The query vectors of the written-out bfloat16 pass (what a search embeds) against ONNX Runtime's (what the clauses were stored with).
        using var onnx = new MiniLmEmbeddingGenerator(threads: 1);
        var cosines = new List<double>();
        double same10 = 0, same100 = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var reference = (await onnx.GenerateVectorAsync(queries[q])).ToArray();
            cosines.Add(System.Numerics.Tensors.TensorPrimitives.Dot(reference, vectors[q]));
            var exactReference = index.Search(reference, 100, null, int.MaxValue);
            var exactOurs = index.Search(vectors[q], 100, null, int.MaxValue);
            same10 += Recall(exactReference, exactOurs, 10);
            same100 += Recall(exactReference, exactOurs, 100);
        }

        var encoded = queries.Count(q => embeddings is MiniLmEmbeddingGenerator m && m.CountTokens(q) <= m.ShortTextTokens);
        Console.WriteLine(string.Create(us,
            $"query vectors against ONNX Runtime's ({encoded} of {queries.Count} short enough for the bfloat16 pass): cosine min {cosines.Min():0.000000}, mean {cosines.Average():0.000000}; exact top 10 the same {same10 / queries.Count:0.000}, top 100 {same100 / queries.Count:0.000}"));

        foreach (var (name, filter, share) in new (string, Func<int, bool>?, double)[] { ("all items", null, 1), ("half the items", i => i % 2 == 0, 0.5), ("a tenth of the items", i => i % 10 == 0, 0.1) })
        {
            var exact = vectors.Select(v => index.Search(v, 100, filter, int.MaxValue)).ToList();
            foreach (var (basis, probes) in new[] { 16, 24, 32, 48, 64, 96 }.Select(p => (p, (settings with { Probes = p }).ProbesFor(share))))
            {
                double at10 = 0, at100 = 0;
                var times = new List<double>();
                for (var q = 0; q < vectors.Count; q++)
                {
                    var t = Stopwatch.GetTimestamp();
                    var found = index.Search(vectors[q], 100, filter, probes);
                    times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    at10 += Recall(exact[q], found, 10);
                    at100 += Recall(exact[q], found, 100);
                }

                times.Sort();
                Console.WriteLine(string.Create(us,
                    $"IVF {probes} probes of {index.Partitions} ({basis} scaled by the readable share), {name}: recall@10 {at10 / vectors.Count:0.000}, recall@100 {at100 / vectors.Count:0.000}, dense scan p50 {times[times.Count / 2]:0.00} ms ({vectors.Count} queries)"));
            }
        }
    }

    /// <summary>Share of the exact top k that the approximate top k holds.</summary>
    private static double Recall(IReadOnlyList<(int Item, double Score)> exact, IReadOnlyList<(int Item, double Score)> found, int k)
    {
        var wanted = exact.Take(k).Select(h => h.Item).ToHashSet();
        return wanted.Count == 0 ? 1 : found.Take(k).Count(h => wanted.Contains(h.Item)) / (double)wanted.Count;
    }
}
