using System.Text;
using System.Text.Json;
using Tandem.Tests.Support;

namespace Tandem.Tests.Evaluation;

/// <summary>
/// The shipped playbook and model on every keyed review set in the repository (<c>samples/review-key</c> and each
/// <c>samples/review-dev*</c>), run as <c>tandem eval review</c> runs them, held to what each set measured when the floors
/// were last written (<c>review-floors.json</c> beside this file): a playbook edit that breaks a deviation, a detect
/// branch or an expectation fails here and not in a lawyer's review. The review is deterministic (RegexBudget gives each
/// match a second, far above any real clause's time even on a starved machine), so the tolerances below are for deliberate
/// trades (a reading that gains twenty risks and loses one), not for noise. A set the floors do not list yet (a new blind
/// round) is measured and reported but not held: its blind result is what it is, and it joins the floors when they are
/// next written (<c>TANDEM_WRITE_REVIEW_FLOORS=&lt;path of review-floors.json&gt;</c> while this test runs).
/// </summary>
public sealed class KeyedReviewSetsTests : IDisposable
{
    /// <summary>Risks at the required severity one set may lose against its floor.</summary>
    private const int RisksLostPerSet = 1;

    /// <summary>Risks at the required severity all the floored sets together may lose.</summary>
    private const int RisksLostInAll = 5;

    /// <summary>Missing protections one set may stop reporting; all the floored sets together, twice that.</summary>
    private const int MissingLostPerSet = 1;

    /// <summary>Unexpected high or critical findings one set may gain; all the floored sets together, three.</summary>
    private const int UnexpectedGainedPerSet = 1;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string FloorsPath => Path.Combine(RepositoryPaths.Root, "tests", "Tandem.Tests", "Evaluation", "review-floors.json");

    [Fact]
    public async Task EvalReview_EveryKeyedSet_StaysAtOrAboveItsFloor()
    {
        var sets = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "samples"), "review-*")
            .Where(d => File.Exists(Path.Combine(d, "answers.json")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(sets.Count >= 100, $"expected the keyed review sets under samples/, found {sets.Count}");
        var floors = ReadFloors(FloorsPath);
        Assert.True(floors.Count >= 311, $"review-floors.json lists {floors.Count} sets; it was written with 311");

        var measured = new Dictionary<string, SetResult>(StringComparer.Ordinal);
        var cli = new CliRunner(_dir.File("tandem.db"));
        foreach (var set in sets)
        {
            var name = Path.GetFileName(set);
            var contractsFolder = name == "review-key" ? RepositoryPaths.Samples : set;
            var json = _dir.File(name + ".json");

            var (exit, _, error) = await cli.RunAsync("eval", "review", "--key", Path.Combine(set, "answers.json"), "--contracts", contractsFolder, "--out", json);

            Assert.True(exit == 0, $"{name}: {error}");
            using var result = JsonDocument.Parse(File.ReadAllText(json));
            var root = result.RootElement;
            measured[name] = SetResult.Of(root, root.GetProperty("contracts").GetArrayLength());
        }

        if (Environment.GetEnvironmentVariable("TANDEM_WRITE_REVIEW_FLOORS") is { Length: > 0 } writeTo)
        {
            WriteFloors(writeTo, measured);
        }

        var held = measured.Where(m => floors.ContainsKey(m.Key)).ToList();
        var fresh = measured.Where(m => !floors.ContainsKey(m.Key)).Select(m => $"{m.Key} {m.Value.RisksAtSeverity}/{m.Value.Risks}").ToList();
        var summary = $"{sets.Count} sets ({held.Count} held to their floors; not yet: {(fresh.Count == 0 ? "none" : string.Join(", ", fresh))}): "
            + $"{measured.Values.Sum(m => m.RisksAtSeverity)}/{measured.Values.Sum(m => m.Risks)} risks at severity, "
            + $"{measured.Values.Sum(m => m.MissingFound)}/{measured.Values.Sum(m => m.Missing)} missing, {measured.Values.Sum(m => m.Unexpected)} unexpected";
        Assert.DoesNotContain(floors.Keys, k => !measured.ContainsKey(k)); // a set removed must leave the floors too
        var failures = new List<string>();
        foreach (var (name, now) in held)
        {
            var floor = floors[name];
            if (now.Risks != floor.Risks || now.Missing != floor.Missing)
            {
                failures.Add($"{name}: its key changed ({now.Risks} risks, {now.Missing} missing; the floor has {floor.Risks}, {floor.Missing}); rewrite the floors");
                continue;
            }

            if (now.RisksAtSeverity < floor.RisksAtSeverity - RisksLostPerSet)
            {
                failures.Add($"{name}: {now.RisksAtSeverity}/{now.Risks} risks at severity, floor {floor.RisksAtSeverity}");
            }

            if (now.MissingFound < floor.MissingFound - MissingLostPerSet)
            {
                failures.Add($"{name}: {now.MissingFound}/{now.Missing} missing protections, floor {floor.MissingFound}");
            }

            if (now.Unexpected > floor.Unexpected + UnexpectedGainedPerSet)
            {
                failures.Add($"{name}: {now.Unexpected} unexpected highs, ceiling {floor.Unexpected}");
            }
        }

        int Lost(Func<SetResult, int> of) => held.Sum(h => of(floors[h.Key])) - held.Sum(h => of(h.Value));
        if (Lost(r => r.RisksAtSeverity) > RisksLostInAll)
        {
            failures.Add($"the floored sets lost {Lost(r => r.RisksAtSeverity)} risks at severity in all (at most {RisksLostInAll})");
        }

        if (Lost(r => r.MissingFound) > 2 * MissingLostPerSet)
        {
            failures.Add($"the floored sets lost {Lost(r => r.MissingFound)} missing protections in all (at most {2 * MissingLostPerSet})");
        }

        if (-Lost(r => r.Unexpected) > 3 * UnexpectedGainedPerSet)
        {
            failures.Add($"the floored sets gained {-Lost(r => r.Unexpected)} unexpected highs in all (at most {3 * UnexpectedGainedPerSet})");
        }

        Assert.True(failures.Count == 0, summary + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Floors_WrittenAndReadBack_AreTheSame()
    {
        var path = _dir.File("floors.json");
        var written = new Dictionary<string, SetResult>(StringComparer.Ordinal) { ["review-a"] = new(6, 50, 47, 9, 8, 1), ["review-b"] = new(5, 40, 40, 7, 7, 0) };

        WriteFloors(path, written);

        Assert.Equal(written, ReadFloors(path));
        Assert.Equal(written.Count + 5, File.ReadAllLines(path).Length); // one line a set, so a diff shows which sets moved
    }

    private static Dictionary<string, SetResult> ReadFloors(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("sets").EnumerateObject().ToDictionary(
            p => p.Name, p => SetResult.Of(p.Value, p.Value.GetProperty("contracts").GetInt32()), StringComparer.Ordinal);
    }

    private static void WriteFloors(string path, IReadOnlyDictionary<string, SetResult> sets)
    {
        var text = new StringBuilder();
        text.Append("{\n \"measured\": \"tandem eval review --key samples/<set>/answers.json --contracts samples/<set> (samples/contracts for review-key); ")
            .Append("rewrite with TANDEM_WRITE_REVIEW_FLOORS=<this file> on KeyedReviewSetsTests\",\n \"sets\": {\n");
        var names = sets.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var s = sets[names[i]];
            text.Append($"  \"{names[i]}\": {{\"contracts\": {s.Contracts}, \"risks\": {s.Risks}, \"risksAtSeverity\": {s.RisksAtSeverity}, \"missing\": {s.Missing}, \"missingFound\": {s.MissingFound}, \"unexpected\": {s.Unexpected}}}")
                .Append(i < names.Count - 1 ? ",\n" : "\n");
        }

        text.Append(" }\n}\n");
        File.WriteAllText(path, text.ToString());
    }

    private sealed record SetResult(int Contracts, int Risks, int RisksAtSeverity, int Missing, int MissingFound, int Unexpected)
    {
        /// <summary>The totals as `eval review --out` and the floors file both name them; <paramref name="contracts"/> is counted by the caller (a list in one, a number in the other).</summary>
        public static SetResult Of(JsonElement totals, int contracts) => new(contracts, totals.GetProperty("risks").GetInt32(), totals.GetProperty("risksAtSeverity").GetInt32(),
            totals.GetProperty("missing").GetInt32(), totals.GetProperty("missingFound").GetInt32(), totals.GetProperty("unexpected").GetInt32());
    }
}
