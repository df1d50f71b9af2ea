using System.IO.Compression;
using Microsoft.ML;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// The plain C# featurizer against ML.NET's own pipeline: the same sparse vectors for every
/// clause of the sample contracts, for hostile text and (with the data) 5,000 CUAD clauses, and the
/// same category scores; pipelines the port cannot reproduce are declined, never approximated.
/// </summary>
public sealed class HashedNgramFeaturizerTests
{
    private static readonly Lazy<byte[]> ShippedFeaturizer = new(() => FeaturizerFile(RepositoryPaths.Model));

    /// <summary>Text that exercises every rule of the normaliser, tokeniser and hashes.</summary>
    public static readonly string[] HostileTexts =
    [
        "",
        "   ",
        "Café naïve résumé façade ÀÉÎÕÜ àéîõü Ÿ ǅ Ǣ ǯ Ḁ ẞ ß İ ı",
        "e\u0301 a\u0308 combining\u0327 marks\u036F at\u0370 the\u0300 edges",
        "!!! ... ,,, ;;; --- ''' \"\"\" (a) [b] {c} «d» ¿e? ¡f! —g— h‐i i/j k\\l m@n #o %p &q *r",
        "12 345 6.78 ½ ² ³ ¼ ٣ ৩ Ⅻ ⑦ 1st 2nd 3rd 4th 100% $1,000,000.00",
        "tabs\tare\tnot\tseparators, nor\nnew\r\nlines,\u00A0nor no-break\u2003spaces\u200Bzero width",
        "Договор аренды нежилого помещения ЁЖИК ёжик й Й",
        "合同条款 本协议 甲方 乙方 第十二条 责任限制",
        "العقد والتزامات الطرفين عَقْدٌ مُلْزِمٌ \u0610\u0615\u064B\u064C\u065E\u065F\u0670",
        "שָׁלוֹם הסכם \u0591\u05BD\u05BE\u05BF\u05C1\u05C2\u05C3\u05C4\u05C5\u05C6\u05C7",
        "Σύμβαση ΐ ΰ ϓ ϔ Ά Έ Ή",
        "emoji 😀 contract 🇬🇧 flags 👩‍⚖️ lone \uD800 surrogate \uDFFF end",
        "ﬁnance ﬂoor ligatures ＦＵＬＬＷＩＤＴＨ ｆｕｌｌ",
        "the the the the the the the the the the the the the the the the the the",
        "SHALL NOT EXCEED TWELVE (12) MONTHS OF FEES PAID UNDER THIS AGREEMENT",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("indemnify", 2_000)),
        string.Concat(Enumerable.Range(0, 3_000).Select(i => (char)(0x20 + (i * 7919 % 0xD7E0)))),
    ];

    [Fact]
    public void TryRead_ShippedModel_ReadsItsPipeline()
    {
        var port = HashedNgramFeaturizer.TryRead(ShippedFeaturizer.Value);

        Assert.NotNull(port);
        Assert.Equal(LocalAnalystModel.Load(RepositoryPaths.Model).Manifest.FeatureCount, port.Dimension);
        Assert.IsType<HashedNgramFeaturizer>(LocalAnalystModel.Load(RepositoryPaths.Model).Featurizer);
    }

    [Fact]
    public async Task Featurize_SampleClausesAndHostileText_SameVectorsAsMlNet()
    {
        var rows = await SampleRowsAsync();
        rows.AddRange(HostileRows());

        AssertSameVectors(MlNetClauseFeaturizer.Load(ShippedFeaturizer.Value), HashedNgramFeaturizer.TryRead(ShippedFeaturizer.Value)!, rows);
    }

    [Fact]
    public async Task ScoreRows_SampleClausesAndHostileText_SameScoresAsMlNet()
    {
        var rows = await SampleRowsAsync();
        rows.AddRange(HostileRows());

        var port = new LocalAnalyst(LocalAnalystModel.Load(RepositoryPaths.Model)).ScoreRows(rows);
        var reference = new LocalAnalyst(LocalAnalystModel.LoadWithMlNet(RepositoryPaths.Model)).ScoreRows(rows);

        Assert.Equal(reference.Length, port.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(reference[i], port[i]);
        }
    }

    [Fact]
    public async Task Featurize_CuadClauses_SameVectorsAsMlNet()
    {
        var folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "cuad-dev"));
        if (!Directory.Exists(folder))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CUAD development data missing at {folder}");
            Assert.Skip($"CUAD development data not found at {folder}");
        }

        var rows = new List<ClauseFeatureRow>();
        var readers = DocumentReaders.CreateDefault();
        foreach (var contract in Tandem.Evaluation.CuadDataset.Load(folder).Contracts)
        {
            var document = await readers.ReadFileAsync(contract.TextPath, TestContext.Current.CancellationToken);
            var clauses = new ClauseSegmenter().Segment(document.Text).Clauses;
            rows.AddRange(clauses.Select((c, i) => ClauseFeatureRow.For(c, i, clauses.Count)));
            if (rows.Count >= 5_000)
            {
                break;
            }
        }

        Assert.True(rows.Count >= 5_000);
        AssertSameVectors(MlNetClauseFeaturizer.Load(ShippedFeaturizer.Value), HashedNgramFeaturizer.TryRead(ShippedFeaturizer.Value)!, rows);
    }

    [Fact]
    public void TryRead_PipelineWithOtherParameters_ReadsThemAndMatchesMlNet()
    {
        // Another recipe than the trainer's: upper case, punctuation and digits kept, trigrams only,
        // unordered n-gram hashes, another seed and widths, comma-separated tokens, a scaled norm.
        var ml = new MLContext(seed: 1);
        var rows = HostileRows().ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Text.NormalizeText("Norm", nameof(ClauseFeatureRow.Text), Microsoft.ML.Transforms.Text.TextNormalizingEstimator.CaseMode.Upper,
                keepDiacritics: true, keepPunctuations: true, keepNumbers: true)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "Norm", [' ', ',']))
            .Append(ml.Transforms.Conversion.Hash("WordHashes", "Words", numberOfBits: 24))
            .Append(ml.Transforms.Text.ProduceHashedNgrams("Grams", "WordHashes", numberOfBits: 9, ngramLength: 3, useAllLengths: false, seed: 7, useOrderedHashing: false))
            .Append(ml.Transforms.NormalizeGlobalContrast("GramVector", "Grams", ensureZeroMean: false, scale: 2.5f))
            .Append(ml.Transforms.Text.ProduceHashedWordBags("HeadingGrams", nameof(ClauseFeatureRow.Heading), numberOfBits: 5, ngramLength: 2, seed: 11))
            .Append(ml.Transforms.NormalizeLpNorm("HeadingVector", "HeadingGrams"))
            .Append(ml.Transforms.Concatenate(LocalAnalystModel.FeaturesColumn, nameof(ClauseFeatureRow.Early), "HeadingVector", "GramVector"));
        var fitted = pipeline.Fit(data);
        using var file = new MemoryStream();
        ml.Model.Save(fitted, data.Schema, file);

        var port = HashedNgramFeaturizer.TryRead(file.ToArray());

        Assert.NotNull(port);
        Assert.Equal(1 + 32 + 512, port.Dimension);
        AssertSameVectors(new MlNetClauseFeaturizer(fitted, data.Schema), port, rows);
    }

    [Fact]
    public void TryRead_PipelinesThePortDoesNotReproduce_Null()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(HostileRows().ToList());
        IEstimator<ITransformer>[] unsupported =
        [
            // Skip-grams.
            ml.Transforms.Text.ProduceHashedWordBags("Grams", nameof(ClauseFeatureRow.Text), numberOfBits: 8, ngramLength: 2, skipLength: 1)
                .Append(ml.Transforms.NormalizeLpNorm("Vector", "Grams")),
            // Centred on the mean.
            ml.Transforms.Text.ProduceHashedWordBags("Grams", nameof(ClauseFeatureRow.Text), numberOfBits: 8)
                .Append(ml.Transforms.NormalizeLpNorm("Vector", "Grams", ensureZeroMean: true)),
            // The L1 norm.
            ml.Transforms.Text.ProduceHashedWordBags("Grams", nameof(ClauseFeatureRow.Text), numberOfBits: 8)
                .Append(ml.Transforms.NormalizeLpNorm("Vector", "Grams", norm: Microsoft.ML.Transforms.LpNormNormalizingEstimatorBase.NormFunction.L1)),
            // Counts not normalised at all.
            ml.Transforms.Text.ProduceHashedWordBags("Vector", nameof(ClauseFeatureRow.Text), numberOfBits: 8),
            // A dictionary of words instead of hashes.
            ml.Transforms.Text.ProduceWordBags("Grams", nameof(ClauseFeatureRow.Text))
                .Append(ml.Transforms.NormalizeLpNorm("Vector", "Grams")),
        ];

        foreach (var estimator in unsupported)
        {
            var fitted = estimator.Append(ml.Transforms.Concatenate(LocalAnalystModel.FeaturesColumn, "Vector", nameof(ClauseFeatureRow.Position))).Fit(data);
            using var file = new MemoryStream();
            ml.Model.Save(fitted, data.Schema, file);

            Assert.Null(HashedNgramFeaturizer.TryRead(file.ToArray()));
        }
    }

    [Fact]
    public void TryRead_DamagedFile_NullNotAnException()
    {
        var shipped = ShippedFeaturizer.Value;
        var random = new Random(12);
        Assert.Null(HashedNgramFeaturizer.TryRead([]));
        Assert.Null(HashedNgramFeaturizer.TryRead(new byte[4096]));
        Assert.Null(HashedNgramFeaturizer.TryRead(shipped[..(shipped.Length / 2)]));
        // Every Model.key of the chain with bytes flipped (re-zipped, so the zip itself is sound):
        // each damaged copy is read as some pipeline or declined, never thrown over.
        for (var round = 0; round < 200; round++)
        {
            var damaged = Rezip(shipped, bytes =>
            {
                for (var k = 0; k < 3; k++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }
            });
            _ = HashedNgramFeaturizer.TryRead(damaged);
        }
    }

    [Fact]
    public void Load_ModelWhosePipelineThePortDeclines_FeaturisesWithMlNet()
    {
        using var dir = new TempDirectory();
        var ml = new MLContext(seed: 1);
        var rows = HostileRows().ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var fitted = ml.Transforms.Text.ProduceHashedWordBags("Grams", nameof(ClauseFeatureRow.Text), numberOfBits: 8, ngramLength: 2, skipLength: 1)
            .Append(ml.Transforms.NormalizeLpNorm("Vector", "Grams"))
            .Append(ml.Transforms.Concatenate(LocalAnalystModel.FeaturesColumn, "Vector", nameof(ClauseFeatureRow.Position)))
            .Fit(data);
        var shipped = LocalAnalystModel.Load(RepositoryPaths.Model);
        var path = dir.File("skipgrams.zip");
        new LocalAnalystModel(fitted, data.Schema, [], shipped.Manifest with { FeatureCount = 257 }).Save(ml, path);

        var loaded = LocalAnalystModel.Load(path);

        Assert.IsType<MlNetClauseFeaturizer>(loaded.Featurizer);
        Assert.Equal(257, loaded.Featurizer.Dimension);
    }

    private static void AssertSameVectors(IClauseFeaturizer reference, IClauseFeaturizer port, IReadOnlyList<ClauseFeatureRow> rows)
    {
        Assert.Equal(reference.Dimension, port.Dimension);
        var expected = reference.Featurize(rows).ToList();
        var actual = port.Featurize(rows).ToList();
        Assert.Equal(rows.Count, actual.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var what = $"row {i}: {rows[i].Text[..Math.Min(60, rows[i].Text.Length)]}";
            Assert.True(expected[i].Indices.SequenceEqual(actual[i].Indices), what);
            for (var j = 0; j < expected[i].Values.Length; j++)
            {
                Assert.True(Math.Abs(expected[i].Values[j] - actual[i].Values[j]) <= 1e-6, $"{what}, slot {expected[i].Indices[j]}");
            }
        }
    }

    private static async Task<List<ClauseFeatureRow>> SampleRowsAsync()
    {
        var rows = new List<ClauseFeatureRow>();
        var readers = DocumentReaders.CreateDefault();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Samples).Where(readers.IsSupported).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var document = await readers.ReadFileAsync(file, TestContext.Current.CancellationToken);
            var clauses = new ClauseSegmenter().Segment(document.Text).Clauses;
            rows.AddRange(clauses.Select((c, i) => ClauseFeatureRow.For(c, i, clauses.Count)));
        }

        Assert.True(rows.Count > 500, $"{rows.Count} sample clauses");
        return rows;
    }

    /// <summary>Each hostile text as a clause's text and as its heading, at varied positions.</summary>
    private static IEnumerable<ClauseFeatureRow> HostileRows() =>
        HostileTexts.SelectMany((text, i) => new[]
        {
            new ClauseFeatureRow { Text = text, Heading = HostileTexts[(i + 3) % HostileTexts.Length], Position = i / 20f, Early = i % 2 },
            ClauseFeatureRow.For(text, text, ClauseKind.Paragraph, i, HostileTexts.Length),
        });

    private static byte[] FeaturizerFile(string modelPath)
    {
        using var zip = ZipFile.OpenRead(modelPath);
        using var entry = zip.GetEntry("featurizer.zip")!.Open();
        using var bytes = new MemoryStream();
        entry.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A copy of an ML.NET model zip with <paramref name="damage"/> applied to each Model.key.</summary>
    private static byte[] Rezip(byte[] file, Action<byte[]> damage)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                var bytes = copy.ToArray();
                if (entry.FullName.EndsWith("Model.key", StringComparison.Ordinal))
                {
                    damage(bytes);
                }

                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
