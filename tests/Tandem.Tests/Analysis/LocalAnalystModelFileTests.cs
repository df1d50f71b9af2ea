using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Tandem.Analysis;
using Tandem.Learning;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>
/// A model file loaded and saved again is the same model: the featurizer written back as it was
/// read, the weights and the manifest unchanged, and the manifest's generated JSON code writing
/// exactly what reflection-based System.Text.Json writes.
/// </summary>
public sealed class LocalAnalystModelFileTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [Fact]
    public void Save_ShippedModelLoaded_EveryEntryAsShipped()
    {
        using var dir = new TempDirectory();
        var path = dir.File("copy.zip");

        LocalAnalystModel.Load(RepositoryPaths.Model).Save(new MLContext(seed: 1), path);

        var shipped = Entries(RepositoryPaths.Model);
        var saved = Entries(path);
        Assert.Equal(shipped.Keys.Order(), saved.Keys.Order());
        foreach (var (name, bytes) in shipped)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(saved[name]), name);
        }

        Assert.Equal(JsonSerializer.Serialize(LocalAnalystModel.LoadManifest(RepositoryPaths.Model), Reflection), System.Text.Encoding.UTF8.GetString(saved["manifest.json"]));
    }

    [Fact]
    public void LoadManifest_NaNScoresAndGateScores_RoundTripsAsReflectionWritesIt()
    {
        using var dir = new TempDirectory();
        var path = dir.File("nan.zip");
        var model = LocalAnalystModel.Load(RepositoryPaths.Model);
        var manifest = model.Manifest with
        {
            HeldOutMacroAveragePrecision = double.NaN,
            HeldOutCalibrationError = double.PositiveInfinity,
            HeldOutAveragePrecision = new Dictionary<string, double> { ["Parties"] = double.NaN, ["Governing Law"] = 0.5 },
            GateScores = new GateScores("gate", 0.53, new Dictionary<string, CategoryScore> { ["Parties"] = new(0.7, 12) }),
        };

        model.WithManifest(manifest).Save(new MLContext(seed: 1), path);
        var loaded = LocalAnalystModel.LoadManifest(path);

        Assert.Equal(JsonSerializer.Serialize(manifest, Reflection), JsonSerializer.Serialize(loaded, Reflection));
        Assert.Equal(JsonSerializer.Serialize(manifest, Reflection), System.Text.Encoding.UTF8.GetString(Entries(path)["manifest.json"]));
    }

    [Theory]
    [InlineData("weights.bin")]
    [InlineData("side-weights.bin")]
    public void Load_WeightsEntryCutShort_ClearErrorNamingTheFile(string entry)
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in Entries(RepositoryPaths.Model))
            {
                using var stream = zip.CreateEntry(name).Open();
                // Cut inside the first category's weight values, which the loader copies in one block.
                stream.Write(bytes, 0, name == entry ? bytes.Length / 3 : bytes.Length);
            }
        }

        var error = Assert.Throws<TandemException>(() => LocalAnalyst.Load(path));

        Assert.Contains("cut.zip cannot be read", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        });
    }
}
