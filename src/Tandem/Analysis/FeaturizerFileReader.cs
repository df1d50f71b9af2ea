using System.IO.Compression;

namespace Tandem.Analysis;

/// <summary>
/// Reads the transformer chain ML.NET saved for the local analyst's featurizer and, when every
/// step is one <see cref="HashedNgramFeaturizer"/> reproduces exactly, builds it with the steps'
/// stored parameters. It follows the chain as ML.NET runs it, column by column, so the result is
/// what the file says rather than what the trainer is believed to write; an unknown step, an option
/// the port lacks (skip-grams, mean centring, ...), a newer format version or a malformed file
/// gives null, and the caller falls back to ML.NET.
/// </summary>
internal static class FeaturizerFileReader
{
    private const int MaximumDepth = 8;

    /// <summary>The port of the pipeline in <paramref name="featurizerFile"/>, or null.</summary>
    public static HashedNgramFeaturizer? TryRead(byte[] featurizerFile)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(featurizerFile, writable: false), ZipArchiveMode.Read);
            var columns = new Dictionary<string, Node>(StringComparer.Ordinal);
            foreach (var name in new[] { nameof(ClauseFeatureRow.Text), nameof(ClauseFeatureRow.Heading), nameof(ClauseFeatureRow.Position), nameof(ClauseFeatureRow.Early) })
            {
                columns[name] = new Input(name, HashedNgramFeaturizer.IsTextColumn(name)!.Value);
            }

            return Apply(zip, "TransformerChain", columns, depth: 0) && columns.GetValueOrDefault(LocalAnalystModel.FeaturesColumn) is Concatenation features
                ? new HashedNgramFeaturizer(features.Blocks)
                : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Applies the step stored in <paramref name="folder"/> to the columns; false when the port cannot.</summary>
    private static bool Apply(ZipArchive zip, string folder, Dictionary<string, Node> columns, int depth)
    {
        if (depth > MaximumDepth)
        {
            return false;
        }

        var entry = MlNetModelEntry.Read(zip, folder);
        var applied = entry.LoaderSignature switch
        {
            "TransformerChain" when entry.VersionWritten == 0x10001 => ApplyChain(zip, folder, entry, columns, depth),
            "TextNormalizerTransform" when entry.VersionWritten == 0x10001 => Normalize(entry, columns),
            "TokenizeTextTransform" when entry.VersionWritten == 0x10001 => Tokenize(entry, columns),
            // From version 0x10003 on, text is hashed with MurmurHashV2; older files used another hash.
            "HashTransform" when entry.VersionWritten is >= 0x10003 and <= 0x10004 => HashTokens(entry, columns),
            "NgramHashTransform" when entry.VersionWritten == 0x10003 => HashNgrams(entry, columns),
            "GcnTransform" when entry.VersionWritten is >= 0x10002 and <= 0x10003 => NormalizeL2(entry, columns),
            "ConcatTransform" when entry.VersionWritten == 0x10003 => Concatenate(entry, columns),
            "SelectColumnsTransform" when entry.VersionWritten == 0x10001 => SelectColumns(entry, columns),
            _ => false,
        };
        return applied && entry.AtEnd;
    }

    private static bool ApplyChain(ZipArchive zip, string folder, MlNetModelEntry entry, Dictionary<string, Node> columns, int depth)
    {
        var count = entry.Count();
        for (var i = 0; i < count; i++)
        {
            // The transformer's scope (training, scoring, everything) does not change what it computes.
            entry.Int32();
            if (!Apply(zip, $"{folder}/Transform_{i:000}", columns, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Normalize(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        var pairs = entry.ColumnPairs();
        var caseMode = entry.Byte();
        if (caseMode > MlNetTextNormalizer.KeepCase)
        {
            return false;
        }

        var normalizer = new MlNetTextNormalizer(caseMode, keepDiacritics: entry.Bool(), keepPunctuation: entry.Bool(), keepNumbers: entry.Bool());
        var outputs = new List<Node?>();
        foreach (var pair in pairs)
        {
            outputs.Add(columns.GetValueOrDefault(pair.Input) is Input { IsText: true } input ? new NormalizedText(input, normalizer) : null);
        }

        return Assign(pairs, outputs, columns);
    }

    private static bool Tokenize(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        var pairs = entry.ColumnPairs();
        var outputs = new List<Node?>();
        foreach (var pair in pairs)
        {
            var separators = entry.CharArray();
            outputs.Add(separators.Length == 0 ? null : columns.GetValueOrDefault(pair.Input) switch
            {
                NormalizedText text => new Tokens(text, separators),
                // Tokens of text never normalised: the identity normaliser.
                Input { IsText: true } input => new Tokens(new NormalizedText(input, new MlNetTextNormalizer(MlNetTextNormalizer.KeepCase, true, true, true)), separators),
                _ => null,
            });
        }

        return Assign(pairs, outputs, columns);
    }

    private static bool HashTokens(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        var pairs = entry.ColumnPairs();
        var outputs = new List<Node?>();
        foreach (var pair in pairs)
        {
            var (bits, seed, ordered) = (entry.Int32(), entry.UInt32(), entry.Bool());
            var combine = entry.VersionWritten > 0x10003 && entry.Bool();
            // Ordered hashing mixes each token's position into its hash, and combining hashes all tokens into one: neither is ported.
            outputs.Add(bits is >= 1 and <= 31 && !ordered && !combine && columns.GetValueOrDefault(pair.Input) is Tokens tokens
                ? new TokenHashes(tokens, bits, seed)
                : null);
        }

        return Assign(pairs, outputs, columns);
    }

    private static bool HashNgrams(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        for (var n = entry.Count(); n > 0; n--)
        {
            var sources = entry.Strings();
            var name = entry.String();
            var (length, skip, bits, seed) = (entry.Int32(), entry.Int32(), entry.Int32(), entry.UInt32());
            var (rehash, ordered, allLengths) = (entry.Bool(), entry.Bool(), entry.Bool());
            // One source column (several mix the column's position into the hash) and no skip-grams.
            if (sources.Count != 1 || columns.GetValueOrDefault(sources[0]) is not TokenHashes hashes || skip != 0
                || length is < 1 or > HashedWordBag.MaximumNgramLength || bits is < 1 or > 30)
            {
                return false;
            }

            columns[name] = new NgramCounts(hashes, length, allLengths, rehash, ordered, bits, seed);
        }

        return true;
    }

    private static bool NormalizeL2(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        var pairs = entry.ColumnPairs();
        var outputs = new List<Node?>();
        foreach (var pair in pairs)
        {
            var (centreOnMean, norm, scale) = (entry.Bool(), entry.Byte(), entry.Single());
            // Norm 0 is L2; the others (standard deviation, L1, L-infinity) and centring on the mean are not ported.
            outputs.Add(!centreOnMean && norm == 0 && scale > 0 && float.IsFinite(scale) && columns.GetValueOrDefault(pair.Input) is NgramCounts counts
                ? counts.ToBag(scale)
                : null);
        }

        return Assign(pairs, outputs, columns);
    }

    private static bool Concatenate(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        for (var n = entry.Count(); n > 0; n--)
        {
            var name = entry.String();
            var blocks = new List<HashedNgramFeaturizer.Block>();
            for (var s = entry.Count(); s > 0; s--)
            {
                var source = entry.String();
                // The alias names slots, it does not change values.
                entry.StringOrNull();
                switch (columns.GetValueOrDefault(source))
                {
                    case WordBag bag:
                        blocks.Add(new HashedNgramFeaturizer.Block(bag.Column, bag.Bag));
                        break;
                    case Input { IsText: false } number:
                        blocks.Add(new HashedNgramFeaturizer.Block(number.Column, null));
                        break;
                    default:
                        return false;
                }
            }

            if (blocks.Count == 0)
            {
                return false;
            }

            columns[name] = new Concatenation(blocks);
        }

        return true;
    }

    private static bool SelectColumns(MlNetModelEntry entry, Dictionary<string, Node> columns)
    {
        var (keep, _, _) = (entry.Bool(), entry.Bool(), entry.Bool());
        var named = entry.Strings().ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns.Keys.Where(c => named.Contains(c) != keep).ToList())
        {
            columns.Remove(column);
        }

        return true;
    }

    /// <summary>
    /// Sets each pair's output column to its computed value; false when one could not be computed
    /// (its input missing or of a kind the step does not take). The values were all computed from
    /// the columns as they were before the step, as ML.NET computes them.
    /// </summary>
    private static bool Assign(List<MlNetModelEntry.ColumnPair> pairs, List<Node?> outputs, Dictionary<string, Node> columns)
    {
        if (outputs.Contains(null))
        {
            return false;
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            columns[pairs[i].Output] = outputs[i]!;
        }

        return true;
    }

    /// <summary>What a column holds, as far as the chain has been followed.</summary>
    private abstract record Node;

    private sealed record Input(string Column, bool IsText) : Node;

    private sealed record NormalizedText(Input Source, MlNetTextNormalizer Normalizer) : Node;

    private sealed record Tokens(NormalizedText Text, char[] Separators) : Node;

    private sealed record TokenHashes(Tokens Tokens, int Bits, uint Seed) : Node;

    private sealed record NgramCounts(TokenHashes Hashes, int Length, bool AllLengths, bool Rehash, bool Ordered, int Bits, uint Seed) : Node
    {
        public WordBag ToBag(float scale) => new(Hashes.Tokens.Text.Source.Column, new HashedWordBag
        {
            Normalizer = Hashes.Tokens.Text.Normalizer,
            Separators = Hashes.Tokens.Separators,
            TokenSeed = Hashes.Seed,
            TokenBits = Hashes.Bits,
            NgramLength = Length,
            AllLengths = AllLengths,
            RehashUnigrams = Rehash,
            Ordered = Ordered,
            Bits = Bits,
            Seed = Seed,
            Scale = scale,
        });
    }

    private sealed record WordBag(string Column, HashedWordBag Bag) : Node;

    private sealed record Concatenation(List<HashedNgramFeaturizer.Block> Blocks) : Node;
}
