using System.Diagnostics;
using System.Globalization;
using Tandem.Documents;
using Tandem.Retrieval;

namespace Tandem.Bench;

/// <summary>
/// MiniLM on this machine: time to load the model, memory once loaded, and throughput on real
/// clause pieces (the first 500 of the CUAD development contracts, as segmented for the store)
/// at batch sizes 1, 16 and 32, and the share of pieces the 256-token truncation cuts.
/// </summary>
internal static class EmbeddingBench
{
    public static async Task<int> RunAsync(string contracts)
    {
        var us = CultureInfo.InvariantCulture;
        var readers = DocumentReaders.CreateDefault();
        var segmenter = new ClauseSegmenter();
        var texts = new List<string>();
        foreach (var file in Directory.GetFiles(contracts, "*.txt").Order(StringComparer.Ordinal))
        {
            texts.AddRange(segmenter.Segment((await readers.ReadFileAsync(file)).Text).Clauses.Select(c => c.Text));
            if (texts.Count >= 500)
            {
                break;
            }
        }

        texts = texts.Take(500).ToList();
        var before = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        using var generator = new MiniLmEmbeddingGenerator();
        var tokens = texts.Select(generator.CountTokens).ToList();
        Console.WriteLine(string.Create(us, $"load: {watch.Elapsed.TotalMilliseconds:0} ms; working set +{(Environment.WorkingSet - before) / 1048576.0:0} MB ({Environment.WorkingSet / 1048576.0:0} MB)"));
        Console.WriteLine(string.Create(us, $"{texts.Count} pieces, {tokens.Sum()} tokens after truncation (mean {tokens.Average():0}); {tokens.Count(t => t >= 256)} cut at 256 tokens"));
        foreach (var batch in new[] { 1, 16, 32 })
        {
            var sized = new MiniLmEmbeddingGenerator { BatchSize = batch };
            var sample = batch == 1 ? texts.Take(100).ToList() : texts;
            watch.Restart();
            await sized.GenerateAsync(sample);
            var seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(us, $"batch {batch}: {sample.Count} pieces in {seconds:0.0} s = {sample.Count / seconds:0.0} pieces/s; working set {Environment.WorkingSet / 1048576.0:0} MB"));
        }

        return 0;
    }
}
