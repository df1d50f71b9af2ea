namespace Tandem.Analysis;

/// <summary>
/// One text field's block of features, computed as ML.NET's text pipeline computes it:
/// normalise (<see cref="MlNetTextNormalizer"/>), split on the separators (ML.NET's
/// WordTokenizingTransformer: empty tokens dropped, spaces trimmed), hash each token
/// (HashingTransformer: MurmurHash3 of the token, masked to <see cref="TokenBits"/>, plus one),
/// hash every n-gram of up to <see cref="NgramLength"/> consecutive tokens into
/// 2^<see cref="Bits"/> slots (NgramHashingTransformer; colliding n-grams add up), then divide
/// by the L2 norm (LpNormNormalizingTransformer).
/// </summary>
internal sealed class HashedWordBag
{
    /// <summary>n-grams longer than this are not hashed by ML.NET either.</summary>
    public const int MaximumNgramLength = 10;

    public required MlNetTextNormalizer Normalizer { get; init; }

    public required char[] Separators { get; init; }

    public required uint TokenSeed { get; init; }

    public required int TokenBits { get; init; }

    public required int NgramLength { get; init; }

    /// <summary>Every length from 1 to <see cref="NgramLength"/>, or only the longest.</summary>
    public required bool AllLengths { get; init; }

    /// <summary>Unigrams hashed again like longer n-grams, rather than used as their token hash.</summary>
    public required bool RehashUnigrams { get; init; }

    public required bool Ordered { get; init; }

    public required int Bits { get; init; }

    public required uint Seed { get; init; }

    /// <summary>The normaliser's scale (1 unless changed): each count is multiplied by scale / L2 norm.</summary>
    public required float Scale { get; init; }

    /// <summary>The block's width: 2^<see cref="Bits"/> slots.</summary>
    public int Width => 1 << Bits;

    /// <summary>Appends the block's non-zero slots, ascending, shifted by <paramref name="offset"/>.</summary>
    public void AppendTo(string text, int offset, List<int> indices, List<float> values)
    {
        var (tokens, count) = Tokens(Normalizer.Normalize(text));
        // Every counted n-gram's slot, sorted: equal slots (the same n-gram, or colliding ones) then
        // sit together and add up, as ML.NET's buffer builder adds them.
        var slots = new int[count * NgramLength];
        var found = 0;
        Span<uint> ngram = stackalloc uint[NgramLength];
        for (var start = 0; start < count; start++)
        {
            var longest = Math.Min(NgramLength, count - start);
            for (var length = 1; length <= longest; length++)
            {
                ngram[length - 1] = tokens[start + length - 1];
                if (Slot(ngram[..length]) is >= 0 and var slot)
                {
                    slots[found++] = slot;
                }
            }
        }

        if (found == 0)
        {
            return;
        }

        Array.Sort(slots, 0, found);
        // As LpNormNormalizingTransformer: the sum of squares in float (exact here, whatever the
        // order: small integers whose squares sum below 2^24), its square root in double rounded to
        // float, one float division, then one multiplication per value.
        var sumOfSquares = 0f;
        for (var at = 0; at < found;)
        {
            var run = Run(slots, at, found);
            sumOfSquares += (float)run * run;
            at += run;
        }

        var factor = Scale;
        var divisor = (float)Math.Sqrt(sumOfSquares);
        if (divisor > 0f)
        {
            factor /= divisor;
        }

        if (factor < 1e-8f)
        {
            factor = 1f;
        }

        for (var at = 0; at < found;)
        {
            var run = Run(slots, at, found);
            indices.Add(offset + slots[at]);
            values.Add(factor * run);
            at += run;
        }
    }

    /// <summary>How many times the slot at <paramref name="at"/> repeats in the sorted slots: the n-gram's count.</summary>
    private static int Run(int[] slots, int at, int found)
    {
        var end = at + 1;
        while (end < found && slots[end] == slots[at])
        {
            end++;
        }

        return end - at;
    }

    /// <summary>The token hashes, in order, and how many there are.</summary>
    private (uint[] Hashes, int Count) Tokens(string text)
    {
        var mask = (uint)((1L << TokenBits) - 1);
        // A token is at least one char and a separator follows all but the last.
        var hashes = new uint[(text.Length / 2) + 1];
        var count = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(Separators);
            var token = (end < 0 ? rest : rest[..end]).Trim(' ');
            if (!token.IsEmpty)
            {
                hashes[count++] = (MlNetHashing.MurmurHashV2(TokenSeed, token) & mask) + 1;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return (hashes, count);
    }

    /// <summary>ML.NET's n-gram id finder for a single source column; -1 when the n-gram is not counted.</summary>
    private int Slot(ReadOnlySpan<uint> ngram)
    {
        var mask = (uint)((1L << Bits) - 1);
        if (!AllLengths && NgramLength > 1 && ngram.Length < NgramLength)
        {
            return -1;
        }

        var hash = ngram.Length == 1 && !RehashUnigrams && (AllLengths || NgramLength == 1)
            ? ngram[0]
            : MlNetHashing.MurmurHash(Seed, ngram);
        // Ordered hashing mixes in the source column's position, which adds nothing for the first column but one more mix.
        return (int)((Ordered ? MlNetHashing.MixHash(hash) : hash) & mask);
    }
}
