using System.Text.RegularExpressions;

namespace Tandem.Tests.Support;

/// <summary>
/// Text snapshots under tests/Tandem.Tests/Snapshots. Volatile parts (temp paths, ids derived
/// from them, the model's data hash) are scrubbed. A missing snapshot is written and the test
/// fails, so a reviewer looks at it; UPDATE_SNAPSHOTS=1 rewrites all of them.
/// </summary>
public static partial class Snapshot
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Tandem.Tests", "Snapshots");

    public static void Match(string name, string actual, params string[] volatilePaths)
    {
        var scrubbed = Scrub(actual, volatilePaths);
        var path = Path.Combine(Folder, name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Folder);
            var existed = File.Exists(path);
            File.WriteAllText(path, scrubbed);
            Assert.True(existed, $"snapshot {name} was missing and has been written to {path}; review it and rerun");
            return;
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), scrubbed);
    }

    public static string Scrub(string text, params string[] volatilePaths)
    {
        foreach (var p in volatilePaths.OrderByDescending(p => p.Length))
        {
            text = text.Replace(p, "<tmp>", StringComparison.Ordinal);
        }

        text = IdRegex().Replace(text, m => m.Groups[1].Value + "<id>");
        text = DataHashRegex().Replace(text, "data <hash>");
        return text.ReplaceLineEndings("\n");
    }

    [GeneratedRegex(@"\b(doc_|rpt_|cl_)[0-9a-f]{16}\b")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"data [0-9a-f]{16}")]
    private static partial Regex DataHashRegex();
}
