using System.Text.Json;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Evaluation;

namespace Tandem.Learning;

/// <summary>
/// Turns outside data into training examples: JSON Lines (one
/// <c>{"category", "input", "severity", "rationale", "provenance", "sources", "access"}</c> per
/// line; every bad line is reported and nothing is imported), or a CUAD-style folder, whose gold
/// clauses become curated public examples. Near duplicates (against the examples the importer may
/// read and within the batch) are marked, not dropped, so a reviewer can decide. A line without an
/// access list belongs to the importer alone (user:&lt;importer&gt;); the importer is added to any
/// other list, as an ingesting user is to a document's; only an admin may make a line public.
/// Curated examples count as reviewed only when the importer may review them (admins and
/// reviewers, <see cref="IAccessPolicy.CanReview"/>); anyone else's are stored as pending imports.
/// </summary>
public sealed class ExampleImporter(IExampleStore store, TimeProvider? time = null, IAccessPolicy? policy = null)
{
    private readonly IAccessPolicy _policy = policy ?? AccessPolicy.Default;

    private const string Task = "clause-review";
    private static readonly string[] Provenances = ["curated", "correction", "imported", "synthetic"];
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Reads a JSON Lines file of <paramref name="importer"/>'s; throws with every bad line listed
    /// when any line is bad, a line that makes its example public from anyone but an admin included.
    /// </summary>
    public IReadOnlyList<TrainingExample> ReadJsonLines(string path, Principal importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        return ReadJsonLines(path, importer.UserId, _time.GetUtcNow(), example =>
            example.Access.Contains(AccessList.Public) && !_policy.IsAdmin(importer)
                ? $"only an admin may import public examples (\"access\": [\"public\"]); leave \"access\" out to keep the example yours, or name who may read it"
                : null);
    }

    /// <summary>Reads a JSON Lines file of examples created at <paramref name="at"/>; throws with every bad line listed when any line is bad.</summary>
    public static IReadOnlyList<TrainingExample> ReadJsonLines(string path, string author, DateTimeOffset at) => ReadJsonLines(path, author, at, _ => null);

    private static List<TrainingExample> ReadJsonLines(string path, string author, DateTimeOffset at, Func<TrainingExample, string?> check)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"examples file not found: {path}", "pass a JSON Lines file");
        }

        var examples = new List<TrainingExample>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var named = Text(root, "category") ?? string.Empty;
                var category = named == TrainingExample.NoFinding ? named : ClauseCategories.Canonical(named);
                var input = Text(root, "input") ?? Text(root, "clause");
                var provenance = Text(root, "provenance") ?? "imported";
                if (category is null || string.IsNullOrWhiteSpace(input) || !Provenances.Contains(provenance))
                {
                    errors.Add($"line {number}: needs a known \"category\" (or \"{TrainingExample.NoFinding}\"), a non-empty \"input\", and a provenance of {string.Join(", ", Provenances)}");
                    continue;
                }

                var quote = Text(root, "quote");
                if (quote is not null && !Documents.TextNormalizer.CollapseWhitespace(input).Contains(Documents.TextNormalizer.CollapseWhitespace(quote), StringComparison.Ordinal))
                {
                    errors.Add($"line {number}: the \"quote\" must occur in the \"input\"");
                    continue;
                }

                if (AccessOf(List(root, "access"), author, out var access) is { } problem)
                {
                    errors.Add($"line {number}: {problem}");
                    continue;
                }

                var example = Example(input, category, Text(root, "severity") ?? "medium", Text(root, "rationale") ?? string.Empty, provenance,
                    List(root, "sources"), access, author, at) with { Quote = quote };
                if (check(example) is { } refused)
                {
                    errors.Add($"line {number}: {refused}");
                    continue;
                }

                examples.Add(example);
            }
            catch (JsonException e)
            {
                errors.Add($"line {number}: not valid JSON ({e.Message})");
            }
        }

        return errors.Count == 0
            ? examples
            : throw new TandemException($"{path} has {errors.Count} bad lines, so nothing was imported: {string.Join("; ", errors.Take(5))}{(errors.Count > 5 ? "; ..." : "")}",
                "fix those lines and import again");
    }

    /// <summary>
    /// The gold clauses of a CUAD-style folder as curated public examples (the data set is public).
    /// Only an admin or a reviewer may import them: a folder is whatever the importer points at, and
    /// curated public examples go into every audience's dataset unreviewed.
    /// </summary>
    public IReadOnlyList<TrainingExample> ReadCuad(CuadDataset data, Principal importer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(importer);
        if (!_policy.CanReview(importer, [AccessList.Public], importer.UserId, documentOwner: null))
        {
            throw new TandemException($"you ({importer.UserId}) may not import CUAD gold clauses: they become curated public examples that every dataset takes unreviewed, so only an admin or a reviewer imports them",
                "ask an admin or a reviewer to run it, or import your own examples as JSON Lines (they wait for review)");
        }

        return data.Contracts.SelectMany(c => c.Gold.SelectMany(g => g.Value.Select(text =>
            Example(text, g.Key, "medium", string.Empty, "curated", [c.Name], [AccessList.Public], importer.UserId, _time.GetUtcNow())))).ToList();
    }

    /// <summary>
    /// Marks near duplicates and adds the examples for <paramref name="importer"/>; returns
    /// (added, exact duplicates skipped, near duplicates marked, curated examples stored as pending
    /// because the importer may not review them). Only examples the importer may read count as
    /// duplicates, so the answer says nothing about anyone else's, and only those readable by
    /// everyone the new one names: a private copy does not keep the same text from being shared.
    /// </summary>
    public async Task<(int Added, int Exact, int Near, int Pending)> ImportAsync(IReadOnlyList<TrainingExample> examples, Principal importer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(importer);
        // Claiming "curated" is not reviewing: whoever may not review the example gets it stored as an import waiting for a reviewer.
        var demoted = examples.Where(e => e.Reviewed && !_policy.CanReview(importer, e.Access, importer.UserId, documentOwner: null)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        examples = examples.Select(e => demoted.Contains(e.Id) ? e with { Provenance = "imported", Reviewed = false } : e).ToList();
        var all = await store.ListAsync(cancellationToken: cancellationToken);
        var hidden = all.Where(e => !_policy.CanRead(importer, e.Access)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var existing = all.Where(e => !hidden.Contains(e.Id)).ToList();
        var seen = existing.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var byCategory = existing.GroupBy(e => e.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Id, Words: ExampleDuplicates.Words(e.Input))).ToList(), StringComparer.Ordinal);
        var fresh = new List<TrainingExample>();
        var exact = 0;
        var near = 0;
        var pending = 0;
        var stored = existing.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var candidate in examples)
        {
            // The same text as an example the importer may not read, or one fewer may read than the
            // import names (a private copy of text now being shared), is stored as the importer's own.
            var example = hidden.Contains(candidate.Id) || (stored.TryGetValue(candidate.Id, out var same) && !_policy.AudienceCanRead(candidate.Access, same.Access))
                ? candidate with { Id = ExampleDuplicates.IdOf(candidate.Task, candidate.Category, candidate.Input + "\n" + importer.UserId) }
                : candidate;
            if (!seen.Add(example.Id))
            {
                exact++;
                continue;
            }

            var words = ExampleDuplicates.Words(example.Input);
            var peers = byCategory.TryGetValue(example.Category, out var list) ? list : byCategory[example.Category] = [];
            var twin = peers.FirstOrDefault(p => Math.Min(p.Words.Count, words.Count) >= ExampleDuplicates.NearThreshold * Math.Max(p.Words.Count, words.Count)
                && ExampleDuplicates.Jaccard(p.Words, words) >= ExampleDuplicates.NearThreshold);
            if (twin.Id is not null)
            {
                near++;
            }

            peers.Add((example.Id, words));
            fresh.Add(twin.Id is null ? example : example with { NearDuplicateOf = twin.Id });
            pending += demoted.Contains(candidate.Id) ? 1 : 0;
        }

        return (await store.AddAsync(fresh, cancellationToken), exact, near, pending);
    }

    private static TrainingExample Example(string input, string category, string severity, string rationale, string provenance, IReadOnlyList<string> sources,
        IReadOnlyList<string> access, string author, DateTimeOffset at) =>
        new(ExampleDuplicates.IdOf(Task, category, input), Task, input.Trim(), category, severity, rationale, provenance, sources, access, author, at,
            Reviewed: provenance == "curated", NearDuplicateOf: null);

    /// <summary>An example's access list from a line: none is the importer's alone; otherwise valid tokens, with the importer added (or public). Returns the problem, or null.</summary>
    private static string? AccessOf(IReadOnlyList<string> tokens, string author, out IReadOnlyList<string> access)
    {
        access = [AccessList.UserToken(author)];
        try
        {
            var parsed = AccessList.ParseAudience(string.Join(",", tokens));
            access = parsed.Contains(AccessList.Public)
                ? [AccessList.Public]
                : [.. parsed.Append(AccessList.UserToken(author)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            return null;
        }
        catch (TandemException e)
        {
            return $"\"access\": {e.Message}";
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> List(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}
