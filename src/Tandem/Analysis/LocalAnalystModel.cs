using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tandem.Analysis;

/// <summary>
/// The trained local analyst as stored on disk: one zip holding the ML.NET text featurizer
/// (<c>featurizer.zip</c>), the per-category logistic-regression weights in a compact sparse
/// binary form (<c>weights.bin</c>) and a manifest with the training facts and scores. A model
/// that also learned from keyed reviews carries a second set of weights over the same features
/// (<c>review-weights.bin</c>): the review's own reading, while CUAD extraction keeps the first; and may carry
/// side-aware risk weights over features of their own (<c>side-weights.bin</c>, <see cref="SideRiskModel"/>).
/// Weights are kept outside ML.NET's format because 41 full models would repeat the featurizer's
/// dictionary 41 times. A loaded model featurises with <see cref="HashedNgramFeaturizer"/>, the
/// plain C# port of the stored pipeline, unless the pipeline is one it cannot reproduce.
/// </summary>
public sealed class LocalAnalystModel
{
    /// <summary>The featurizer's output column: the feature vector the weights apply to.</summary>
    public const string FeaturesColumn = "Features";

    private const int FormatVersion = 1;

    /// <summary>The optional zip entry of the review weights (older readers ignore it).</summary>
    private const string ReviewWeightsEntry = "review-weights.bin";

    /// <summary>The optional zip entry of the side-aware risk weights (older readers ignore it).</summary>
    private const string SideWeightsEntry = "side-weights.bin";

    /// <summary>The optional zip entry of the severity weights (older readers ignore it).</summary>
    private const string SeverityWeightsEntry = "severity-weights.bin";

    /// <summary>The optional zip entry of the critical weights (older readers ignore it).</summary>
    private const string CriticalWeightsEntry = "critical-weights.bin";
    private static readonly DateTimeOffset FixedEntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The featurizer as the file stored it, written back unchanged; null for a model trained in this process.</summary>
    private readonly byte[]? _featurizerFile;

    /// <summary>A model just trained: its featurizer is the fitted ML.NET pipeline.</summary>
    public LocalAnalystModel(ITransformer featurizer, DataViewSchema inputSchema, IReadOnlyList<CategoryWeights> categories, LocalAnalystManifest manifest)
        : this(new MlNetClauseFeaturizer(featurizer, inputSchema), null, categories, manifest)
    {
    }

    private LocalAnalystModel(IClauseFeaturizer featurizer, byte[]? featurizerFile, IReadOnlyList<CategoryWeights> categories, LocalAnalystManifest manifest,
        IReadOnlyList<CategoryWeights>? reviewCategories = null)
    {
        Featurizer = featurizer;
        _featurizerFile = featurizerFile;
        Categories = categories;
        Manifest = manifest;
        ReviewCategories = reviewCategories;
    }

    public IClauseFeaturizer Featurizer { get; }

    public IReadOnlyList<CategoryWeights> Categories { get; }

    public LocalAnalystManifest Manifest { get; }

    /// <summary>
    /// Weights trained on CUAD and keyed reviews together, in <see cref="Categories"/>' order, for the
    /// review alone (<see cref="LocalAnalystManifest.ReviewThreshold"/>); null for a model without them.
    /// </summary>
    public IReadOnlyList<CategoryWeights>? ReviewCategories { get; }

    /// <summary>
    /// Side-aware risk weights learned from keyed reviews alone (<see cref="SideRiskModel"/>), in <see cref="Categories"/>'
    /// order, used by the review at <see cref="LocalAnalystManifest.SideThreshold"/>; null for a model without them.
    /// </summary>
    public IReadOnlyList<CategoryWeights>? SideCategories { get; private init; }

    /// <summary>
    /// Severity weights learned from keyed reviews alone (<see cref="SideRiskModel"/> over features paired with the side's
    /// role): how likely a reviewer for this side keys the clause at high or above; used by the review at
    /// <see cref="LocalAnalystManifest.SeverityThreshold"/>; null for a model without them.
    /// </summary>
    public IReadOnlyList<CategoryWeights>? SeverityCategories { get; private init; }

    /// <summary>
    /// Critical weights: the severity weights' model trained on the risks keyed critical alone, used by the review at
    /// <see cref="LocalAnalystManifest.CriticalThreshold"/> to raise a finding at high; null for a model without them.
    /// </summary>
    public IReadOnlyList<CategoryWeights>? CriticalCategories { get; private init; }

    /// <summary>The same model with another manifest (the trainer adds the held-out scores).</summary>
    public LocalAnalystModel WithManifest(LocalAnalystManifest manifest) =>
        new(Featurizer, _featurizerFile, Categories, manifest, ReviewCategories) { SideCategories = SideCategories, SeverityCategories = SeverityCategories, CriticalCategories = CriticalCategories };

    /// <summary>
    /// The same model with side-aware risk weights (<see cref="SideRiskModel"/>) in its categories' order, and severity
    /// and critical weights when given (without them, none: they are trained with the side weights).
    /// </summary>
    public LocalAnalystModel WithSide(IReadOnlyList<CategoryWeights> side, IReadOnlyList<CategoryWeights>? severity = null, IReadOnlyList<CategoryWeights>? critical = null)
    {
        ArgumentNullException.ThrowIfNull(side);
        if (!SameCategories(side, Categories) || (severity is not null && !SameCategories(severity, Categories)) || (critical is not null && !SameCategories(critical, Categories)))
        {
            throw new ArgumentException("side, severity and critical weights must name the model's categories in its order", nameof(side));
        }

        return new(Featurizer, _featurizerFile, Categories, Manifest, ReviewCategories) { SideCategories = side, SeverityCategories = severity, CriticalCategories = critical };
    }

    /// <summary>The same model with review weights over the same features (from a model trained with the same featurizer).</summary>
    public LocalAnalystModel WithReview(IReadOnlyList<CategoryWeights> review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!SameCategories(review, Categories))
        {
            throw new ArgumentException("review weights must name the model's categories in its order", nameof(review));
        }

        return new(Featurizer, _featurizerFile, Categories, Manifest, review) { SideCategories = SideCategories, SeverityCategories = SeverityCategories, CriticalCategories = CriticalCategories };
    }

    /// <summary>
    /// Writes the model atomically (a temp file renamed over the target), readable by its owner
    /// only (0600, like the store); temp files that killed writers left are deleted first, and a
    /// failed write leaves none.
    /// </summary>
    public void Save(MLContext ml, string path)
    {
        var full = Path.GetFullPath(path);
        Learning.ModelFiles.CreateFolder(Path.GetDirectoryName(full)!);
        Learning.ModelFiles.DeleteStaleTemps(full);
        var temp = Learning.ModelFiles.TempFor(full);
        try
        {
            WriteZip(ml, temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private void WriteZip(MLContext ml, string temp)
    {
        using (var file = Learning.ModelFiles.CreateOwnerOnly(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WriteEntry(zip, "featurizer.zip", FeaturizerFile(ml));

            WriteWeightsEntry(zip, "weights.bin", Categories);
            WriteWeightsEntry(zip, ReviewWeightsEntry, ReviewCategories);
            WriteWeightsEntry(zip, SideWeightsEntry, SideCategories);
            WriteWeightsEntry(zip, SeverityWeightsEntry, SeverityCategories);
            WriteWeightsEntry(zip, CriticalWeightsEntry, CriticalCategories);

            WriteEntry(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(Manifest, ManifestJsonContext.Default.LocalAnalystManifest));
        }
    }

    /// <summary>
    /// Loads a model written by <see cref="Save"/>. It featurises with the plain C# port of its
    /// stored pipeline; only a pipeline the port cannot reproduce is loaded into ML.NET.
    /// </summary>
    public static LocalAnalystModel Load(string path) => Load(path, (file, manifest) =>
        HashedNgramFeaturizer.TryRead(file) is { } port && port.Dimension == manifest.FeatureCount ? port : MlNetClauseFeaturizer.Load(file));

    /// <summary>Loads a model with its pipeline run by ML.NET itself: the reference the port is checked against.</summary>
    public static LocalAnalystModel LoadWithMlNet(string path) => Load(path, (file, _) => MlNetClauseFeaturizer.Load(file));

    private static LocalAnalystModel Load(string path, Func<byte[], LocalAnalystManifest, IClauseFeaturizer> featurizer) => Read(path, zip =>
    {
        var manifest = ReadManifest(zip);
        var file = ReadEntry(zip, "featurizer.zip");
        using var weights = Readable(ReadEntry(zip, "weights.bin"));
        var categories = ReadWeights(weights);
        var review = ReadOptionalWeights(zip, ReviewWeightsEntry, categories, "review");
        var side = ReadOptionalWeights(zip, SideWeightsEntry, categories, "side");
        var severity = ReadOptionalWeights(zip, SeverityWeightsEntry, categories, "severity");
        var critical = ReadOptionalWeights(zip, CriticalWeightsEntry, categories, "critical");
        return new LocalAnalystModel(featurizer(file, manifest), file, categories, manifest, review) { SideCategories = side, SeverityCategories = severity, CriticalCategories = critical };
    });

    /// <summary>An optional weights entry (review, side, severity or critical weights): null when absent, refused when its categories differ from the model's.</summary>
    private static List<CategoryWeights>? ReadOptionalWeights(ZipArchive zip, string entry, IReadOnlyList<CategoryWeights> categories, string what)
    {
        if (zip.GetEntry(entry) is null)
        {
            return null;
        }

        using var stream = Readable(ReadEntry(zip, entry));
        var weights = ReadWeights(stream);
        return SameCategories(weights, categories) ? weights : throw new InvalidDataException($"the {what} weights name other categories than the model's");
    }

    /// <summary>A weights entry in <see cref="WriteWeights"/>' form; nothing when there are no such weights.</summary>
    private static void WriteWeightsEntry(ZipArchive zip, string entry, IReadOnlyList<CategoryWeights>? weights)
    {
        if (weights is null)
        {
            return;
        }

        using var stream = new MemoryStream();
        WriteWeights(stream, weights);
        WriteEntry(zip, entry, stream.ToArray());
    }

    /// <summary>Whether two weight sets name the same categories in the same order.</summary>
    private static bool SameCategories(IReadOnlyList<CategoryWeights> a, IReadOnlyList<CategoryWeights> b) =>
        a.Select(c => c.Category).SequenceEqual(b.Select(c => c.Category), StringComparer.Ordinal);

    private byte[] FeaturizerFile(MLContext ml)
    {
        if (_featurizerFile is not null)
        {
            return _featurizerFile;
        }

        var trained = (MlNetClauseFeaturizer)Featurizer;
        using var stream = new MemoryStream();
        ml.Model.Save(trained.Transformer, trained.InputSchema, stream);
        return stream.ToArray();
    }

    /// <summary>Only the manifest of a model file: what the registry needs, without loading the featurizer.</summary>
    public static LocalAnalystManifest LoadManifest(string path) => Read(path, ReadManifest);

    /// <summary>The first 12 hex digits of the SHA-256 of a model file: names the exact model in reports and the registry.</summary>
    public static string FileHash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file))[..12];
    }

    private static LocalAnalystManifest ReadManifest(ZipArchive zip) =>
        JsonSerializer.Deserialize(ReadEntry(zip, "manifest.json"), ManifestJsonContext.Default.LocalAnalystManifest) ?? throw new InvalidDataException("empty manifest");

    private static T Read<T>(string path, Func<ZipArchive, T> read)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return read(zip);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or FormatException or InvalidOperationException)
        {
            throw new TandemException($"the local analyst model {path} cannot be read ({ex.Message.TrimEnd('.')})",
                "retrain it with 'tandem train local --data <cuad folder>' or restore the shipped file", ex);
        }
    }

    private static void WriteWeights(Stream stream, IReadOnlyList<CategoryWeights> categories)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(FormatVersion);
        w.Write(categories.Count);
        foreach (var c in categories)
        {
            w.Write(c.Category);
            w.Write(c.Bias);
            w.Write(c.Slope);
            w.Write(c.Offset);
            w.Write(c.Threshold);
            w.Write(c.Indices.Length);
            foreach (var i in c.Indices)
            {
                w.Write(i);
            }

            foreach (var v in c.Values)
            {
                w.Write(v);
            }
        }
    }

    private static List<CategoryWeights> ReadWeights(Stream stream)
    {
        using var r = new BinaryReader(stream);
        if (r.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("unknown weights format");
        }

        var count = r.ReadInt32();
        var categories = new List<CategoryWeights>(count);
        for (var k = 0; k < count; k++)
        {
            var name = r.ReadString();
            var bias = r.ReadSingle();
            var slope = r.ReadSingle();
            var offset = r.ReadSingle();
            var threshold = r.ReadSingle();
            var n = r.ReadInt32();
            var indices = new int[n];
            var values = new float[n];
            ReadArray(r, indices, static r => r.ReadInt32());
            ReadArray(r, values, static r => r.ReadSingle());

            categories.Add(new CategoryWeights(name, bias, slope, offset, threshold, indices, values));
        }

        return categories;
    }

    /// <summary>
    /// Fills <paramref name="into"/> with the little-endian values <see cref="BinaryWriter"/> wrote: copied
    /// at once from a memory stream's buffer on a little-endian machine (a model holds about a million),
    /// value by value otherwise.
    /// </summary>
    private static void ReadArray<T>(BinaryReader r, T[] into, Func<BinaryReader, T> one)
        where T : unmanaged
    {
        var bytes = into.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (BitConverter.IsLittleEndian && r.BaseStream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var at = checked((int)memory.Position);
            if (bytes > buffer.Count - at)
            {
                throw new EndOfStreamException("the weights end early");
            }

            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(buffer.AsSpan(at, bytes)).CopyTo(into);
            memory.Position = at + bytes;
            return;
        }

        for (var i = 0; i < into.Length; i++)
        {
            into[i] = one(r);
        }
    }

    /// <summary>A read-only stream over the bytes whose buffer <see cref="ReadArray"/> may copy from.</summary>
    private static MemoryStream Readable(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
        entry.LastWriteTime = FixedEntryTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"missing {name}");
        using var s = entry.Open();
        if (entry.Length > 0 && entry.Length <= Array.MaxLength)
        {
            // Read into an array of the size the archive records; ReadExactly refuses an entry shorter than that.
            var bytes = new byte[entry.Length];
            s.ReadExactly(bytes);
            return s.ReadByte() == -1 ? bytes : throw new InvalidDataException($"{name} is longer than the archive says");
        }

        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
