namespace Tandem.Analysis;

/// <summary>
/// The local analyst's featurizer in plain C#: the trained ML.NET pipeline (normalise, tokenise,
/// hash word n-grams, L2-normalise each text field, concatenate with the position features)
/// computed without ML.NET, whose assemblies and model loader cost more start-up time than a whole
/// review. <see cref="TryRead"/> builds it from the pipeline a model file stores, with that
/// pipeline's own parameters, and declines any pipeline it cannot reproduce exactly.
/// </summary>
public sealed class HashedNgramFeaturizer : IClauseFeaturizer
{
    private readonly IReadOnlyList<Block> _blocks;

    internal HashedNgramFeaturizer(IReadOnlyList<Block> blocks)
    {
        _blocks = blocks;
        Dimension = blocks.Sum(b => b.Width);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>
    /// The port of the pipeline stored in <paramref name="featurizerFile"/> (ML.NET's saved
    /// transformer chain), or null when that pipeline has a step or an option the port does not
    /// reproduce bit for bit; the caller then uses ML.NET itself.
    /// </summary>
    public static HashedNgramFeaturizer? TryRead(byte[] featurizerFile) => FeaturizerFileReader.TryRead(featurizerFile);

    /// <inheritdoc />
    public IEnumerable<FeatureVector> Featurize(IReadOnlyList<ClauseFeatureRow> rows)
    {
        var indices = new List<int>();
        var values = new List<float>();
        foreach (var row in rows)
        {
            indices.Clear();
            values.Clear();
            var offset = 0;
            foreach (var block in _blocks)
            {
                if (block.Bag is { } bag)
                {
                    bag.AppendTo(Text(row, block.Column), offset, indices, values);
                }
                else if (Number(row, block.Column) is var value && value != 0)
                {
                    indices.Add(offset);
                    values.Add(value);
                }

                offset += block.Width;
            }

            yield return new FeatureVector([.. indices], [.. values]);
        }
    }

    /// <summary>Whether a column of <see cref="ClauseFeatureRow"/> holds text (else a number); null for no such column.</summary>
    internal static bool? IsTextColumn(string column) => column switch
    {
        nameof(ClauseFeatureRow.Text) or nameof(ClauseFeatureRow.Heading) => true,
        nameof(ClauseFeatureRow.Position) or nameof(ClauseFeatureRow.Early) => false,
        _ => null,
    };

    private static string Text(ClauseFeatureRow row, string column) =>
        (column == nameof(ClauseFeatureRow.Text) ? row.Text : row.Heading) ?? string.Empty;

    private static float Number(ClauseFeatureRow row, string column) =>
        column == nameof(ClauseFeatureRow.Position) ? row.Position : row.Early;

    /// <summary>A slice of the vector: a text column's hashed word bag, or one numeric column (one slot).</summary>
    internal sealed record Block(string Column, HashedWordBag? Bag)
    {
        public int Width => Bag?.Width ?? 1;
    }
}
