using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Tandem.Documents;
using Tandem.Retrieval;

namespace Tandem.Bench;

/// <summary>
/// MiniLM on this machine: time to load the model, memory once loaded, and throughput on real
/// clause pieces (the first 500 of the CUAD development contracts, as segmented for the store)
/// at batch sizes 1, 16 and 32, the share of pieces the 256-token truncation cuts, and one
/// query's time by its length on each path.
/// </summary>
internal static class EmbeddingBench
{
    public static async Task<int> RunAsync(string contracts, bool queriesOnly)
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
        if (queriesOnly)
        {
            await QueryByLengthAsync(texts);
            return 0;
        }

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

        await QueryByLengthAsync(texts);
        return 0;
    }

    /// <summary>One query at a time by token count: the bfloat16 pass against ONNX Runtime's one-thread session, interleaved, wall p50 and CPU per query.</summary>
    private static async Task QueryByLengthAsync(List<string> clauses)
    {
        var us = CultureInfo.InvariantCulture;
        using var onnx = new MiniLmEmbeddingGenerator(threads: 1);
        using var written = new MiniLmEmbeddingGenerator { ShortTextTokens = MiniLmEmbeddingGenerator.QueryTokens };
        await onnx.GenerateVectorAsync("warm up");
        var before = Environment.WorkingSet;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        await written.GenerateVectorAsync("warm up");
        var loaded = watch.Elapsed.TotalMilliseconds;
        var working = Environment.WorkingSet - before;
        Console.WriteLine(string.Create(us,
            $"bfloat16 pass loaded and first query in {loaded:0} ms; working set +{working / 1048576.0:0} MB at once, managed heap +{(GC.GetTotalMemory(forceFullCollection: true) - heap) / 1048576.0:0} MB kept"));
        if (!MiniLmEmbeddingGenerator.ShortTextsTakeTheWrittenPass)
        {
            Console.WriteLine("no AVX-512 here: every query below runs on ONNX Runtime, the 'bfloat16 pass' column as well (the pass is no faster here)");
        }

        var words = string.Join(' ', clauses).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < 100; i++)
        {
            // Past the JIT's tiering (about 30 calls, then a recompile in the background) before anything is timed.
            await written.GenerateVectorAsync(words[i % words.Length] + " governing law");
            await onnx.GenerateVectorAsync(words[i % words.Length] + " governing law");
        }

        foreach (var length in new[] { 4, 6, 8, 12, 16, 24, 32, 48, 64 })
        {
            // 20 different texts of this many tokens, cut from the clauses' words.
            var queries = Enumerable.Range(0, 20).Select(q => Prefix(written, words.Skip(q * 50).ToArray(), length)).ToList();
            var times = new[] { new List<double>(), new List<double>() };
            var cpu = new[] { TimeSpan.Zero, TimeSpan.Zero };
            using var self = Process.GetCurrentProcess();
            for (var round = 0; round < 5; round++)
            {
                foreach (var (generator, i) in new[] { (written, 0), (onnx, 1) })
                {
                    self.Refresh();
                    var start = self.TotalProcessorTime;
                    foreach (var q in queries)
                    {
                        var t = Stopwatch.GetTimestamp();
                        await generator.GenerateVectorAsync(q);
                        times[i].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    }

                    self.Refresh();
                    cpu[i] += self.TotalProcessorTime - start;
                }
            }

            var p50 = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();
            Console.WriteLine(string.Create(us,
                $"query of {length} tokens: bfloat16 pass p50 {p50[0]:0.00} ms, CPU {cpu[0].TotalMilliseconds / times[0].Count:0.00} ms; ONNX Runtime p50 {p50[1]:0.00} ms, CPU {cpu[1].TotalMilliseconds / times[1].Count:0.00} ms"));
        }
    }

    /// <summary>The shortest run of the words that makes <paramref name="tokens"/> tokens or more.</summary>
    private static string Prefix(MiniLmEmbeddingGenerator generator, string[] words, int tokens)
    {
        for (var n = 1; n <= words.Length; n++)
        {
            var text = string.Join(' ', words.Take(n));
            if (generator.CountTokens(text) >= tokens)
            {
                return text;
            }
        }

        return string.Join(' ', words);
    }
}
