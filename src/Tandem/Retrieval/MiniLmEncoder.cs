using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tandem.Retrieval;

/// <summary>
/// MiniLM's forward pass for one short text, written out (BERT: embeddings, six layers of 12-head
/// self-attention and a GELU feed-forward, each closed by a residual and a layer norm; mean pooling,
/// unit length), with the weights read once from the same ONNX file ONNX Runtime runs. A query of
/// a few tokens is bound by streaming the 42 MB of float32 matrices, not by arithmetic: kept in
/// bfloat16 (<see cref="PackedMatrix"/>) they are half that and stay in the L3 cache, and the few
/// token rows are multiplied together as each weight is read. Written for AVX-512 (<see cref="IsFast"/>); elsewhere
/// .NET runs the same 512-bit vectors as pairs of 256-bit ones, the same results, more slowly.
/// </summary>
internal sealed class MiniLmEncoder
{
    private const int Width = 384;
    private const int Heads = 12;
    private const int HeadWidth = Width / Heads;
    private const float Epsilon = 1e-12f; // the model's layer norm epsilon

    private readonly float[] _words;
    private readonly float[] _positions;
    private readonly float[] _tokenType;
    private readonly (float[] Scale, float[] Shift) _embeddingNorm;
    private readonly Layer[] _layers;

    private MiniLmEncoder(Dictionary<string, float[]> weights, bool bfloat16)
    {
        _words = Weight(weights, "embeddings.word_embeddings.weight");
        _positions = Weight(weights, "embeddings.position_embeddings.weight");
        _tokenType = Weight(weights, "embeddings.token_type_embeddings.weight");
        _embeddingNorm = Norm(weights, "embeddings.LayerNorm");
        var layers = new List<Layer>();
        for (var l = 0; weights.ContainsKey($"encoder.layer.{l}.attention.self.query.weight"); l++)
        {
            var at = $"encoder.layer.{l}.";
            float[] Part(string name) => Weight(weights, at + name);
            var queryKeyValue = new float[Width * 3 * Width];
            var qkvBias = new float[3 * Width];
            string[] parts = ["query", "key", "value"];
            for (var k = 0; k < 3; k++)
            {
                var matrix = Part($"attention.self.{parts[k]}.weight");
                for (var i = 0; i < Width; i++)
                {
                    matrix.AsSpan(i * Width, Width).CopyTo(queryKeyValue.AsSpan((i * 3 * Width) + (k * Width)));
                }

                Part($"attention.self.{parts[k]}.bias").CopyTo(qkvBias, k * Width);
            }

            var intermediate = Part("intermediate.dense.bias");
            layers.Add(new Layer(
                new PackedMatrix(queryKeyValue, qkvBias, Width, bfloat16),
                new PackedMatrix(Part("attention.output.dense.weight"), Part("attention.output.dense.bias"), Width, bfloat16),
                Norm(weights, at + "attention.output.LayerNorm"),
                new PackedMatrix(Part("intermediate.dense.weight"), intermediate, Width, bfloat16),
                new PackedMatrix(Part("output.dense.weight"), Part("output.dense.bias"), intermediate.Length, bfloat16),
                Norm(weights, at + "output.LayerNorm")));
        }

        _layers = layers.Count > 0 ? [.. layers] : throw new InvalidDataException("the model has no encoder layers");
        if (_words.Length % Width != 0 || _positions.Length % Width != 0)
        {
            throw new InvalidDataException($"the model's embeddings are not {Width} wide");
        }
    }

    /// <summary>Whether this machine has the vector instructions the pass is written for (it runs anywhere, faster than ONNX Runtime only here).</summary>
    public static bool IsFast => Vector512.IsHardwareAccelerated;

    /// <summary>The longest token sequence the position table covers.</summary>
    public int MaxTokens => _positions.Length / Width;

    /// <summary>Bytes of weights held (embedding tables and matrices).</summary>
    public long Bytes => (_words.LongLength + _positions.Length) * sizeof(float) + _layers.Sum(l => l.QueryKeyValue.Bytes + l.Output.Bytes + l.Intermediate.Bytes + l.Down.Bytes);

    /// <summary>Reads the weights from an ONNX MiniLM (BERT) model; <paramref name="bfloat16"/> keeps the matrices in half the bytes.</summary>
    public static MiniLmEncoder Load(ReadOnlyMemory<byte> onnxModel, bool bfloat16 = true) => new(OnnxWeights.Read(onnxModel), bfloat16);

    /// <summary>The last layer's closing layer norm (scale, shift), which <see cref="LastLayer"/> leaves unapplied.</summary>
    public (float[] Scale, float[] Shift) LastNorm => _layers[^1].OutputNorm;

    /// <summary>The L2-normalised mean-pooled embedding of one token sequence ([CLS] … [SEP]).</summary>
    public float[] Embed(ReadOnlySpan<int> tokens, CancellationToken cancellationToken = default) => Run(tokens, null, cancellationToken);

    /// <summary>
    /// What the last layer's feed-forward reads and writes for each token, before its closing layer
    /// norm: the GELU activations (n × 1536) and the residual sum the norm would take (n × 384). A tuned
    /// last layer (<see cref="LastLayerTuning"/>) starts from them; the encoder's own vector is the mean
    /// of <see cref="LastNorm"/> applied to the second, made unit length.
    /// </summary>
    public LastLayerParts LastLayer(ReadOnlySpan<int> tokens, CancellationToken cancellationToken = default)
    {
        LastLayerParts? parts = null;
        Run(tokens, p => parts = p, cancellationToken);
        return parts!;
    }

    private float[] Run(ReadOnlySpan<int> tokens, Action<LastLayerParts>? capture, CancellationToken cancellationToken)
    {
        var n = tokens.Length;
        if (n == 0 || n > MaxTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), $"between 1 and {MaxTokens} tokens, not {n}");
        }

        var buffers = Buffers.For(n, _layers[0].Intermediate.Outputs);
        var hidden = buffers.Hidden;
        for (var t = 0; t < n; t++)
        {
            var row = hidden.AsSpan(t * Width, Width);
            var word = tokens[t];
            if ((uint)word >= (uint)(_words.Length / Width))
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {word} is outside the vocabulary");
            }

            TensorPrimitives.Add(_words.AsSpan(word * Width, Width), _positions.AsSpan(t * Width, Width), row);
            TensorPrimitives.Add(row, _tokenType.AsSpan(0, Width), row);
            LayerNorm(row, _embeddingNorm);
        }

        var (qkv, context, attended, wide, scores) = (buffers.QueryKeyValue, buffers.Context, buffers.Attended, buffers.Wide, buffers.Scores);
        foreach (var layer in _layers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layer.QueryKeyValue.Multiply(hidden, qkv, n);
            Attend(qkv, context, scores, n);
            layer.Output.Multiply(context, attended, n);
            for (var t = 0; t < n; t++)
            {
                var row = attended.AsSpan(t * Width, Width);
                TensorPrimitives.Add(row, hidden.AsSpan(t * Width, Width), row);
                LayerNorm(row, layer.AttentionNorm);
            }

            layer.Intermediate.Multiply(attended, wide, n);
            Gelu(wide.AsSpan(0, n * layer.Intermediate.Outputs));
            layer.Down.Multiply(wide, hidden, n);
            for (var t = 0; t < n; t++)
            {
                var row = hidden.AsSpan(t * Width, Width);
                TensorPrimitives.Add(row, attended.AsSpan(t * Width, Width), row);
            }

            if (capture is not null && ReferenceEquals(layer, _layers[^1]))
            {
                capture(new LastLayerParts(n, wide.AsSpan(0, n * layer.Intermediate.Outputs).ToArray(), hidden.AsSpan(0, n * Width).ToArray()));
            }

            for (var t = 0; t < n; t++)
            {
                LayerNorm(hidden.AsSpan(t * Width, Width), layer.OutputNorm);
            }
        }

        var vector = new float[Width];
        for (var t = 0; t < n; t++)
        {
            TensorPrimitives.Add(vector, hidden.AsSpan(t * Width, Width), vector);
        }

        TensorPrimitives.Divide(vector, Math.Max(TensorPrimitives.Norm(vector), 1e-12f), vector);
        return vector;
    }

    private static float[] Weight(Dictionary<string, float[]> weights, string name) =>
        weights.TryGetValue(name, out var value) ? value : throw new InvalidDataException($"the model has no weight {name}");

    private static (float[] Scale, float[] Shift) Norm(Dictionary<string, float[]> weights, string name) =>
        (Weight(weights, name + ".weight"), Weight(weights, name + ".bias"));

    /// <summary>Each head's softmax(q·kᵀ/√d)·v over the n tokens (one text, so nothing is masked).</summary>
    private static void Attend(float[] qkv, float[] context, float[] scores, int n)
    {
        var scale = 1f / MathF.Sqrt(HeadWidth);
        Array.Clear(context, 0, n * Width);
        for (var h = 0; h < Heads; h++)
        {
            for (var i = 0; i < n; i++)
            {
                var query = qkv.AsSpan((i * 3 * Width) + (h * HeadWidth), HeadWidth);
                for (var j = 0; j < n; j++)
                {
                    scores[j] = TensorPrimitives.Dot(query, qkv.AsSpan((j * 3 * Width) + Width + (h * HeadWidth), HeadWidth)) * scale;
                }

                // TensorPrimitives.SoftMax exponentiates the scores as they are: past about 88 exp overflows and the row turns NaN.
                var row = scores.AsSpan(0, n);
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row);
                TensorPrimitives.SoftMax(row, row);
                var output = context.AsSpan((i * Width) + (h * HeadWidth), HeadWidth);
                for (var j = 0; j < n; j++)
                {
                    TensorPrimitives.MultiplyAdd(qkv.AsSpan((j * 3 * Width) + (2 * Width) + (h * HeadWidth), HeadWidth), scores[j], output, output);
                }
            }
        }
    }

    private static void LayerNorm(Span<float> row, (float[] Scale, float[] Shift) norm)
    {
        var mean = TensorPrimitives.Sum(row) / row.Length;
        TensorPrimitives.Subtract(row, mean, row);
        var variance = TensorPrimitives.Dot(row, row) / row.Length;
        TensorPrimitives.Multiply(row, 1f / MathF.Sqrt(variance + Epsilon), row);
        TensorPrimitives.FusedMultiplyAdd(row, norm.Scale, norm.Shift, row);
    }

    /// <summary>x·Φ(x) = ½x(1 + erf(x/√2)), the exact GELU the model was trained with.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Gelu(Span<float> values)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (!Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated)
        {
            // 512-bit vectors run as two 256-bit ones here, more slowly than the 256-bit ones themselves.
            for (; i + 8 <= values.Length; i += 8)
            {
                var x = Vector256.LoadUnsafe(ref v, (nuint)i);
                (x * 0.5f * (Vector256<float>.One + Erf(x * 0.70710678f))).StoreUnsafe(ref v, (nuint)i);
            }
        }

        for (; i + 16 <= values.Length; i += 16)
        {
            var x = Vector512.LoadUnsafe(ref v, (nuint)i);
            (x * 0.5f * (Vector512<float>.One + Erf(x * 0.70710678f))).StoreUnsafe(ref v, (nuint)i);
        }

        for (; i < values.Length; i++)
        {
            var x = Vector512.Create(values[i]);
            values[i] = (x * 0.5f * (Vector512<float>.One + Erf(x * 0.70710678f))).ToScalar();
        }
    }

    /// <summary>erf by Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7, about float rounding), odd in x.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Erf(Vector512<float> x)
    {
        // |x| is capped at 4, where erf is 1 in float already: beyond it exp(-x²) turns subnormal, and subnormal arithmetic is slow.
        var a = Vector512.Min(Vector512.Abs(x), Vector512.Create(4f));
        var t = Vector512<float>.One / Vector512.FusedMultiplyAdd(a, Vector512.Create(0.3275911f), Vector512<float>.One);
        var poly = Vector512.FusedMultiplyAdd(t, Vector512.Create(1.061405429f), Vector512.Create(-1.453152027f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(1.421413741f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(-0.284496736f));
        poly = Vector512.FusedMultiplyAdd(poly, t, Vector512.Create(0.254829592f));
        var y = Vector512<float>.One - (poly * t * Vector512.Exp(-(a * a)));
        return Vector512.CopySign(y, x);
    }

    /// <summary>The same erf on 256-bit vectors (<see cref="Erf(Vector512{float})"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Erf(Vector256<float> x)
    {
        var a = Vector256.Min(Vector256.Abs(x), Vector256.Create(4f));
        var t = Vector256<float>.One / Vector256.FusedMultiplyAdd(a, Vector256.Create(0.3275911f), Vector256<float>.One);
        var poly = Vector256.FusedMultiplyAdd(t, Vector256.Create(1.061405429f), Vector256.Create(-1.453152027f));
        poly = Vector256.FusedMultiplyAdd(poly, t, Vector256.Create(1.421413741f));
        poly = Vector256.FusedMultiplyAdd(poly, t, Vector256.Create(-0.284496736f));
        poly = Vector256.FusedMultiplyAdd(poly, t, Vector256.Create(0.254829592f));
        var y = Vector256<float>.One - (poly * t * Vector256.Exp(-(a * a)));
        return Vector256.CopySign(y, x);
    }

    /// <summary>One thread's working rows, kept between calls: a query allocates nothing but its vector.</summary>
    private sealed class Buffers
    {
        [ThreadStatic]
        private static Buffers? _ofThisThread;

        private Buffers(int rows, int wide)
        {
            Rows = rows;
            Hidden = new float[rows * Width];
            QueryKeyValue = new float[rows * 3 * Width];
            Context = new float[rows * Width];
            Attended = new float[rows * Width];
            Wide = new float[rows * wide];
            Scores = new float[rows];
        }

        public int Rows { get; }

        public float[] Hidden { get; }

        public float[] QueryKeyValue { get; }

        public float[] Context { get; }

        public float[] Attended { get; }

        public float[] Wide { get; }

        public float[] Scores { get; }

        /// <summary>This thread's buffers, grown when a text has more rows than they hold (16 at first).</summary>
        public static Buffers For(int rows, int wide)
        {
            if (_ofThisThread is not { } buffers || buffers.Rows < rows || buffers.Wide.Length < buffers.Rows * wide)
            {
                buffers = _ofThisThread = new Buffers(Math.Max(rows, 16), wide);
            }

            return buffers;
        }
    }

    private sealed record Layer(
        PackedMatrix QueryKeyValue, PackedMatrix Output, (float[] Scale, float[] Shift) AttentionNorm,
        PackedMatrix Intermediate, PackedMatrix Down, (float[] Scale, float[] Shift) OutputNorm);
}

/// <summary>One text's last-layer activations (<see cref="MiniLmEncoder.LastLayer"/>): per token, the GELU row and the pre-norm residual row.</summary>
internal sealed record LastLayerParts(int Tokens, float[] Wide, float[] PreNorm);
