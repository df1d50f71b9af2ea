using System.Collections;
using System.Reflection;
using Tandem.Analysis;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A playbook read and checked once is taken from the per-user cache after that, only while nothing it was read from has changed.</summary>
public sealed class PlaybookCacheTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private PlaybookCache Cache => new(_folder.File("cache"));

    private const string Ours = """
        name: Ours
        extends: base.yaml
        rules:
          - category: Cap on Liability
            severity: high
        """;

    private const string Base = """
        name: Base
        version: "1"
        rules:
          - category: Cap on Liability
            expected: true
            detect: '(?i)\bliabilit\w*\b.{0,40}\bshall\s+not\s+exceed\b'
            deviations:
              - name: Uncapped
                pattern: '(?i)\bunlimited\b'
                severity: critical
          - category: Insurance
            expected: true
        """;

    [Fact]
    public void Load_SecondTime_FromTheCacheWithTheSameRulesAndPatternsNotYetBuilt()
    {
        var path = WritePlaybooks();

        var first = PlaybookLoader.Load(path, Cache);
        var second = PlaybookLoader.Load(path, Cache);

        Assert.Single(Directory.GetFiles(_folder.File("cache"), "*.bin"));
        Assert.True(first.RuleFor("Cap on Liability")!.Detect!.IsBuilt);
        Assert.False(second.RuleFor("Cap on Liability")!.Detect!.IsBuilt);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(Severity.High, second.RuleFor("Cap on Liability")!.Severity);
        Assert.True(second.RuleFor("Cap on Liability")!.Detects("The Supplier's liability under this Agreement shall not exceed the fees."));
    }

    [Fact]
    public void Load_ShippedPlaybook_TheCachedCopyHasEveryRuleAsRead()
    {
        var first = PlaybookLoader.Load(RepositoryPaths.Playbook, Cache);
        var second = PlaybookLoader.Load(RepositoryPaths.Playbook, Cache);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void Load_ExtendedFileChanged_ReadsTheYamlAgain()
    {
        var path = WritePlaybooks();
        PlaybookLoader.Load(path, Cache);
        _folder.Write("base.yaml", Base.Replace("critical", "low", StringComparison.Ordinal));

        var again = PlaybookLoader.Load(path, Cache);

        Assert.Equal(Severity.Low, again.RuleFor("Cap on Liability")!.Deviations.Single().Severity);
        Assert.True(again.RuleFor("Cap on Liability")!.Detect!.IsBuilt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(200)]
    public void Load_TruncatedEntry_ReadsTheYamlAndWritesItAgain(int keep)
    {
        var path = WritePlaybooks();
        var expected = Describe(PlaybookLoader.Load(path, Cache));
        var entry = Directory.GetFiles(_folder.File("cache"), "*.bin").Single();
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..Math.Min(keep, bytes.Length - 1)]);

        var again = PlaybookLoader.Load(path, Cache);

        Assert.Equal(expected, Describe(again));
        Assert.True(again.RuleFor("Cap on Liability")!.Detect!.IsBuilt);
        Assert.Equal(bytes, File.ReadAllBytes(entry));
    }

    [Fact]
    public void Load_EntryAndItsFolders_OnlyTheUserMayRead()
    {
        var path = WritePlaybooks();
        var cache = new PlaybookCache(_folder.File(Path.Combine("tandem", "cache", "playbooks")));

        PlaybookLoader.Load(path, cache);

        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner, File.GetUnixFileMode(Directory.GetFiles(cache.Directory!, "*.bin").Single()));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(cache.Directory!));
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder.File("tandem")));
    }

    [Fact]
    public void Load_InvalidPattern_FailsAndStoresNothing()
    {
        var path = _folder.Write("bad.yaml", Base.Replace(@"(?i)\bunlimited\b", @"(?i)\bunlimited(", StringComparison.Ordinal));

        var ex = Assert.Throws<TandemException>(() => PlaybookLoader.Load(path, Cache));

        Assert.Contains("invalid regular expression", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("cache")) && Directory.GetFiles(_folder.File("cache")).Length > 0);
    }

    [Fact]
    public void Load_CacheFolderCannotBeWritten_LoadsAsWithout()
    {
        var path = WritePlaybooks();
        var blocked = _folder.Write("blocked", "a file where the cache folder would be");

        var playbook = PlaybookLoader.Load(path, new PlaybookCache(blocked));

        Assert.Equal(2, playbook.Rules.Count);
        Assert.Equal(Describe(playbook), Describe(PlaybookLoader.Load(path, new PlaybookCache(null))));
    }

    [Fact]
    public void Load_ManyPlaybooks_KeepsTheNewestEntriesOnly()
    {
        for (var i = 0; i < PlaybookCache.MaxEntries + 3; i++)
        {
            var path = _folder.Write($"p{i}.yaml", Base.Replace("name: Base", $"name: Base {i}", StringComparison.Ordinal));
            PlaybookLoader.Load(path, Cache);
        }

        Assert.Equal(PlaybookCache.MaxEntries, Directory.GetFiles(_folder.File("cache"), "*.bin").Length);
        Assert.Empty(Directory.GetFiles(_folder.File("cache"), "*.tmp"));
    }

    /// <summary>Every field of every YAML shape survives the binary form: a field added to a shape and not to the codec fails here.</summary>
    [Fact]
    public void Codec_EveryFieldOfEveryShape_RoundTrips()
    {
        var file = (PlaybookLoader.PlaybookFile)Filled(typeof(PlaybookLoader.PlaybookFile), 0);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            PlaybookFileCodec.Write(writer, file);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = PlaybookFileCodec.Read(reader);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(Dump(file), Dump(read));
    }

    private string WritePlaybooks()
    {
        _folder.Write("base.yaml", Base);
        return _folder.Write("ours.yaml", Ours);
    }

    private static string Describe(Playbook playbook) => string.Join("\n", playbook.Rules.Select(r =>
        $"{r.Category}|{r.Expected}|{r.Severity}|{r.MissingSeverity}|{r.Detect}|{r.DetectWithDefinitions}|{r.PresentPattern}|{r.ExpectedWhen}|{string.Join(",", r.ExpectedFor)}|"
        + string.Join(";", r.Deviations.Select(d => $"{d.Name}:{d.Severity}:{d.Pattern}:{d.AbsentPattern}:{d.ContractPattern}:{d.ContractAbsentPattern}:{d.PatternTemplate}:{d.Measure}:{d.Below}:{d.Above}:{string.Join(",", d.When)}:{string.Join(",", d.Roles)}")))) + $"\n{playbook.Name}|{playbook.Version}|{playbook.Description}";

    /// <summary>An instance with every property set to a value of its own (lists with two items, and null for none of them).</summary>
    private static object Filled(Type type, int depth)
    {
        var instance = Activator.CreateInstance(type)!;
        var n = 0;
        foreach (var property in type.GetProperties())
        {
            n++;
            var t = property.PropertyType;
            object value = t == typeof(string) ? $"{type.Name}.{property.Name}"
                : t == typeof(bool?) ? n % 2 == 0
                : t == typeof(double?) ? n + 0.25
                : t == typeof(List<string>) ? new List<string> { $"{property.Name} one", $"{property.Name} two" }
                : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? MakeList(t, depth)
                : throw new InvalidOperationException($"{type.Name}.{property.Name}: add {t.Name} to this test and to the codec");
            property.SetValue(instance, value);
        }

        return instance;
    }

    private static IList MakeList(Type listType, int depth)
    {
        var list = (IList)Activator.CreateInstance(listType)!;
        list.Add(Filled(listType.GetGenericArguments()[0], depth + 1));
        list.Add(Filled(listType.GetGenericArguments()[0], depth + 1));
        return list;
    }

    private static string Dump(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Dump)) + "]",
        _ when value.GetType().Namespace == typeof(PlaybookLoader).Namespace =>
            "{" + string.Join(",", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{p.Name}={Dump(p.GetValue(value))}")) + "}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
