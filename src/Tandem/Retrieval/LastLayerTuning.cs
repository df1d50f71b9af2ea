using System.Numerics.Tensors;

namespace Tandem.Retrieval;

/// <summary>
/// MiniLM with its last layer fine-tuned on graded (query, clause) judgements: a low-rank update of
/// the last feed-forward's output matrix (W₂ + B·A, LoRA) and a retrained closing layer norm. Everything
/// before them is frozen, so each text's <see cref="LastLayerParts"/> are computed once and a training
/// step costs only the update's two small products per token. Queries and clauses pass through the same
/// tuned layer. With B = 0 and the model's own norm it reproduces the encoder's vectors exactly.
/// </summary>
internal sealed class LastLayerTuning
{
    private const int Width = 384;
    private const float Epsilon = 1e-12f;

    private readonly float[] _down;    // A: rank × wide
    private readonly float[] _up;      // B: width × rank
    private readonly float[] _scale;   // γ
    private readonly float[] _shift;   // β

    private LastLayerTuning(int rank, int wide, float[] down, float[] up, float[] scale, float[] shift)
    {
        Rank = rank;
        Wide = wide;
        _down = down;
        _up = up;
        _scale = scale;
        _shift = shift;
    }

    /// <summary>
    /// One worker per core: a text's pass is long enough that an unbounded Parallel.For makes the thread
    /// pool add threads as if it were starved (a load average of 90 on two cores was measured).
    /// </summary>
    internal static ParallelOptions Cores { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public int Rank { get; }

    public int Wide { get; }

    /// <summary>The untuned layer: B = 0 (A small and random, as LoRA starts), the model's own closing norm.</summary>
    public static LastLayerTuning Untuned((float[] Scale, float[] Shift) norm, int wide, int rank, int seed)
    {
        var random = new Random(seed);
        var down = new float[rank * wide];
        var spread = 1f / MathF.Sqrt(wide);
        for (var i = 0; i < down.Length; i++)
        {
            down[i] = (float)((random.NextDouble() * 2) - 1) * spread;
        }

        return new LastLayerTuning(rank, wide, down, new float[Width * rank], (float[])norm.Scale.Clone(), (float[])norm.Shift.Clone());
    }

    /// <summary>A text's unit vector through the tuned layer.</summary>
    public float[] Embed(LastLayerParts parts) => Forward(parts, null).Vector;

    /// <summary>
    /// Fine-tunes on ranked lists: each list is a query and clauses with target weights (≥ 0, at least
    /// one positive), and the loss is the cross-entropy between the targets, normalised, and the softmax
    /// of the cosines over the options' temperature (ListNet). Adam, one step per list, lists in a
    /// seeded shuffled order each epoch.
    /// </summary>
    public static LastLayerTuning Train((float[] Scale, float[] Shift) norm, Func<int, IReadOnlyList<TrainingList>> listsOfEpoch, TuningOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        LastLayerTuning? model = null;
        Adam? adam = null;
        var random = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var lists = listsOfEpoch(epoch);
            if (model is null)
            {
                var first = lists.First().Query;
                model = Untuned(norm, first.Wide.Length / first.Tokens, options.Rank, options.Seed);
                adam = new Adam([model._down, model._up, model._scale, model._shift], [options.LearningRate, options.LearningRate, options.NormLearningRate, options.NormLearningRate]);
            }

            var order = Enumerable.Range(0, lists.Count).ToArray();
            random.Shuffle(order);
            double total = 0;
            foreach (var index in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                total += model.Step(lists[index], options.Temperature, adam!);
            }

            progress?.Report($"epoch {epoch + 1}: loss {total / lists.Count:0.0000}");
        }

        return model ?? throw new ArgumentException("no epochs to train", nameof(options));
    }

    /// <summary>One list's loss, with its gradient applied.</summary>
    private double Step(TrainingList list, float temperature, Adam adam)
    {
        var (loss, gradient) = LossAndGradient(list, temperature);
        if (gradient is not null)
        {
            adam.Step([gradient.Down, gradient.Up, gradient.Scale, gradient.Shift]);
        }

        return loss;
    }

    /// <summary>The parameters, in the order <see cref="LossAndGradient"/> gives their gradients: A, B, γ, β.</summary>
    internal float[][] Parameters => [_down, _up, _scale, _shift];

    /// <summary>
    /// A list's ListNet loss and its gradient with respect to <see cref="Parameters"/> (null for a list
    /// without a positive, which has nothing to teach).
    /// </summary>
    internal (double Loss, Gradient? Gradient) LossAndGradient(TrainingList list, float temperature)
    {
        var targetSum = list.Clauses.Sum(c => c.Target);
        if (!(targetSum > 0))
        {
            return (0, null);
        }

        var texts = new LastLayerParts[list.Clauses.Count + 1];
        texts[0] = list.Query;
        for (var i = 0; i < list.Clauses.Count; i++)
        {
            texts[i + 1] = list.Clauses[i].Parts;
        }

        var passes = new Pass[texts.Length];
        Parallel.For(0, texts.Length, Cores, i => passes[i] = Forward(texts[i], new Pass()));
        var query = passes[0].Vector;
        var n = list.Clauses.Count;
        var logits = new float[n];
        for (var i = 0; i < n; i++)
        {
            logits[i] = TensorPrimitives.Dot(query, passes[i + 1].Vector) / temperature;
        }

        // The cosines are at most 1, so the logits are at most 1/temperature; the shift keeps exp in range all the same.
        TensorPrimitives.Subtract(logits, TensorPrimitives.Max(logits), logits);
        var probabilities = new float[n];
        TensorPrimitives.SoftMax(logits, probabilities);
        double loss = 0;
        var atVectors = new float[texts.Length][];
        atVectors[0] = new float[Width];
        for (var i = 0; i < n; i++)
        {
            var target = list.Clauses[i].Target / targetSum;
            if (target > 0)
            {
                loss -= target * Math.Log(Math.Max(probabilities[i], 1e-30f));
            }

            var d = (probabilities[i] - target) / temperature;
            atVectors[i + 1] = new float[Width];
            TensorPrimitives.Multiply(query, d, atVectors[i + 1]);
            TensorPrimitives.MultiplyAdd(passes[i + 1].Vector, d, atVectors[0], atVectors[0]);
        }

        var partial = new Gradient[texts.Length];
        Parallel.For(0, texts.Length, Cores, i => partial[i] = Backward(texts[i], passes[i], atVectors[i]));
        var sum = new Gradient(Rank * Wide, Width * Rank);
        foreach (var g in partial)
        {
            sum.Add(g);
        }

        return (loss, sum);
    }

    private Pass Forward(LastLayerParts parts, Pass? keep)
    {
        var n = parts.Tokens;
        var rank = Rank;
        var pooled = new float[Width];
        var z = new float[Width];
        var u = new float[rank];
        if (keep is not null)
        {
            keep.Normalized = new float[n * Width];
            keep.InverseDeviation = new float[n];
            keep.Low = new float[n * rank];
        }

        for (var t = 0; t < n; t++)
        {
            var g = parts.Wide.AsSpan(t * Wide, Wide);
            for (var k = 0; k < rank; k++)
            {
                u[k] = TensorPrimitives.Dot(_down.AsSpan(k * Wide, Wide), g);
            }

            parts.PreNorm.AsSpan(t * Width, Width).CopyTo(z);
            for (var i = 0; i < Width; i++)
            {
                z[i] += TensorPrimitives.Dot(_up.AsSpan(i * rank, rank), u);
            }

            var mean = TensorPrimitives.Sum(z) / Width;
            TensorPrimitives.Subtract(z, mean, z);
            var inverse = 1f / MathF.Sqrt((TensorPrimitives.Dot(z, z) / Width) + Epsilon);
            TensorPrimitives.Multiply(z, inverse, z);
            if (keep is not null)
            {
                z.CopyTo(keep.Normalized.AsSpan(t * Width, Width));
                keep.InverseDeviation[t] = inverse;
                u.CopyTo(keep.Low.AsSpan(t * rank, rank));
            }

            TensorPrimitives.FusedMultiplyAdd(z, _scale, _shift, z);
            TensorPrimitives.Add(pooled, z, pooled);
        }

        TensorPrimitives.Divide(pooled, n, pooled);
        var length = Math.Max(TensorPrimitives.Norm(pooled), 1e-12f);
        var vector = new float[Width];
        TensorPrimitives.Divide(pooled, length, vector);
        var pass = keep ?? new Pass();
        pass.Vector = vector;
        pass.Length = length;
        return pass;
    }

    /// <summary>The parameters' gradient from one text, given the loss's gradient at its unit vector.</summary>
    private Gradient Backward(LastLayerParts parts, Pass pass, float[] atVector)
    {
        var n = parts.Tokens;
        var rank = Rank;
        var gradient = new Gradient(rank * Wide, Width * rank);
        // Through v / |v|: (d − e (e·d)) / |v|, then the mean over the n tokens.
        var alongVector = TensorPrimitives.Dot(pass.Vector, atVector);
        var perToken = new float[Width];
        TensorPrimitives.MultiplyAdd(pass.Vector, -alongVector, atVector, perToken);
        TensorPrimitives.Divide(perToken, pass.Length * n, perToken);
        // β gets every token's share, γ each token's normalised row times it; the normalised rows' gradient is the same for all tokens.
        TensorPrimitives.Multiply(perToken, n, gradient.Shift);
        var atNormalized = new float[Width];
        TensorPrimitives.Multiply(perToken, _scale, atNormalized);
        var meanAt = TensorPrimitives.Sum(atNormalized) / Width;
        var atZ = new float[Width];
        var atLow = new float[rank];
        for (var t = 0; t < n; t++)
        {
            var normalized = pass.Normalized.AsSpan(t * Width, Width);
            TensorPrimitives.MultiplyAdd(normalized, perToken, gradient.Scale, gradient.Scale);
            var projection = TensorPrimitives.Dot(atNormalized, normalized) / Width;
            // Layer norm: dz = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / σ
            TensorPrimitives.MultiplyAdd(normalized, -projection, atNormalized, atZ);
            TensorPrimitives.Subtract(atZ, meanAt, atZ);
            TensorPrimitives.Multiply(atZ, pass.InverseDeviation[t], atZ);
            var low = pass.Low.AsSpan(t * rank, rank);
            Array.Clear(atLow);
            for (var i = 0; i < Width; i++)
            {
                var row = gradient.Up.AsSpan(i * rank, rank);
                TensorPrimitives.MultiplyAdd(low, atZ[i], row, row);
                TensorPrimitives.MultiplyAdd(_up.AsSpan(i * rank, rank), atZ[i], atLow, atLow);
            }

            var g = parts.Wide.AsSpan(t * Wide, Wide);
            for (var k = 0; k < rank; k++)
            {
                if (atLow[k] != 0)
                {
                    var row = gradient.Down.AsSpan(k * Wide, Wide);
                    TensorPrimitives.MultiplyAdd(g, atLow[k], row, row);
                }
            }
        }

        return gradient;
    }

    /// <summary>A query and its clauses with target weights.</summary>
    internal sealed record TrainingList(LastLayerParts Query, IReadOnlyList<(LastLayerParts Parts, float Target)> Clauses);

    /// <summary>What one forward pass keeps for the backward one.</summary>
    private sealed class Pass
    {
        public float[] Vector { get; set; } = [];

        public float Length { get; set; }

        public float[] Normalized { get; set; } = [];

        public float[] InverseDeviation { get; set; } = [];

        public float[] Low { get; set; } = [];
    }

    /// <summary>The loss's gradient with respect to A, B, γ and β.</summary>
    internal sealed class Gradient(int down, int up)
    {
        public float[] Down { get; } = new float[down];

        public float[] Up { get; } = new float[up];

        public float[] Scale { get; } = new float[Width];

        public float[] Shift { get; } = new float[Width];

        public void Add(Gradient other)
        {
            TensorPrimitives.Add(Down, other.Down, Down);
            TensorPrimitives.Add(Up, other.Up, Up);
            TensorPrimitives.Add(Scale, other.Scale, Scale);
            TensorPrimitives.Add(Shift, other.Shift, Shift);
        }
    }

    /// <summary>Adam over a few parameter arrays, each with its own learning rate.</summary>
    private sealed class Adam(float[][] parameters, float[] rates)
    {
        private const float Beta1 = 0.9f;
        private const float Beta2 = 0.999f;
        private readonly float[][] _first = parameters.Select(p => new float[p.Length]).ToArray();
        private readonly float[][] _second = parameters.Select(p => new float[p.Length]).ToArray();
        private int _steps;

        public void Step(float[][] gradients)
        {
            _steps++;
            var correction1 = 1 - MathF.Pow(Beta1, _steps);
            var correction2 = 1 - MathF.Pow(Beta2, _steps);
            for (var p = 0; p < parameters.Length; p++)
            {
                var (value, gradient, first, second) = (parameters[p], gradients[p], _first[p], _second[p]);
                var rate = rates[p];
                for (var i = 0; i < value.Length; i++)
                {
                    first[i] = (Beta1 * first[i]) + ((1 - Beta1) * gradient[i]);
                    second[i] = (Beta2 * second[i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
                    value[i] -= rate * (first[i] / correction1) / (MathF.Sqrt(second[i] / correction2) + 1e-8f);
                }
            }
        }
    }
}

/// <summary>How <see cref="LastLayerTuning.Train"/> learns.</summary>
internal sealed record TuningOptions
{
    public int Rank { get; init; } = 8;

    public int Epochs { get; init; } = 10;

    public float LearningRate { get; init; } = 1e-3f;

    public float NormLearningRate { get; init; } = 1e-4f;

    public float Temperature { get; init; } = 0.05f;

    public int Seed { get; init; } = 1;
}
