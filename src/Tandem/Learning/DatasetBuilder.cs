using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tandem.Access;
using Tandem.Prompting;
using Tandem.Retrieval;

namespace Tandem.Learning;

/// <summary>
/// Builds a fine-tuning dataset from the example store: reviewed examples only, near duplicates
/// dropped, the access guard applied (a fine-tuned model serves everyone who can call it, and
/// weights cannot enforce a per-user access list, so text the audience may not read never
/// enters), and a leak check against evaluation texts. Each example becomes a chat: the
/// fine-tuned instructions, numbered passages (the clause alone, or, retrieval-aware, the clause
/// among BM25-chosen distractors, present for a share of examples), and the findings JSON that
/// quotes the passage it relies on. Split deterministically and validated in a staging folder;
/// only a valid dataset reaches <c>folder</c>, so a failed build writes nothing there.
/// </summary>
public sealed class DatasetBuilder(IExampleStore store, TokenCounter tokens, IAccessPolicy? policy = null)
{
    private readonly IAccessPolicy _policy = policy ?? AccessPolicy.Default;

    public async Task<DatasetBuild> BuildAsync(DatasetOptions options, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Split is <= 0 or > 1 || options.OracleRatio is < 0 or > 1 || options.Distractors is < 0 or > 20)
        {
            throw new TandemException("--split must be in (0, 1], --oracle-ratio in [0, 1] and --distractors 0-20");
        }

        var target = Path.GetFullPath(folder);
        if (File.Exists(target))
        {
            throw new TandemException($"{folder} is a file, not a folder", "give --out a folder (new or existing) for train.jsonl and valid.jsonl");
        }

        var all = await store.ListAsync(cancellationToken: cancellationToken);
        var excluded = new List<Exclusion>();
        var leaks = new LeakCheck(options.EvaluationTexts);
        var kept = new List<TrainingExample>();
        foreach (var e in all)
        {
            (ExclusionCode Code, string Reason)? left = !e.Reviewed ? (ExclusionCode.NotReviewed, "not reviewed yet")
                : e.NearDuplicateOf is not null ? (ExclusionCode.NearDuplicate, "a near duplicate of another example")
                : !_policy.AudienceCanRead(options.Audience, e.Access) ? (ExclusionCode.AccessGuard, "the audience may not read its sources")
                : leaks.Matches(e.Input) ? (ExclusionCode.LeakCheck, "it matches evaluation data (leak check)")
                : null;
            if (left is { } why)
            {
                excluded.Add(new Exclusion(e.Id, why.Code, why.Reason, e.Access));
            }
            else
            {
                kept.Add(e);
            }
        }

        var distractorIndex = new Bm25Index(kept.Select(e => e.Input).ToList());
        var train = new List<string>();
        var validation = new List<string>();
        foreach (var (example, i) in kept.Select((e, i) => (e, i)))
        {
            var line = Render(options, Chat(options, example, i, kept, distractorIndex));
            (Unit(example.Id, "split", options.Seed) < options.Split ? train : validation).Add(line);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", train) + "\n--\n" + string.Join("\n", validation))))[..16];
        var trainPath = Path.Combine(target, "train.jsonl");
        var validationPath = Path.Combine(target, "valid.jsonl");
        var staging = Directory.CreateTempSubdirectory("tandem-dataset-");
        try
        {
            var stagedTrain = Path.Combine(staging.FullName, "train.jsonl");
            var stagedValidation = Path.Combine(staging.FullName, "valid.jsonl");
            await File.WriteAllLinesAsync(stagedTrain, train, cancellationToken);
            await File.WriteAllLinesAsync(stagedValidation, validation, cancellationToken);
            var report = new DatasetValidator(tokens).Validate(stagedTrain, options.Format);
            if (report.IsValid)
            {
                Publish(stagedTrain, trainPath, folder);
                Publish(stagedValidation, validationPath, folder);
            }

            return new DatasetBuild(trainPath, validationPath, train.Count, validation.Count, excluded, hash, report);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>The chat for one example: system, the passages, the expected findings.</summary>
    private static List<(string Role, string Content)> Chat(DatasetOptions options, TrainingExample example, int index, IReadOnlyList<TrainingExample> pool, Bm25Index distractors)
    {
        var passages = new List<string>();
        var oracle = !options.RetrievalAware || Unit(example.Id, "oracle", options.Seed) < options.OracleRatio;
        if (options.RetrievalAware && options.Neighbours.TryGetValue(example.Id, out var neighbours) && neighbours.Count > 0)
        {
            // Hard negatives from the example's own contract: its clauses most like this one.
            var own = new Bm25Index(neighbours);
            var hits = own.Search(example.Input, options.Distractors).Select(h => neighbours[h.Item]).ToList();
            passages.AddRange(hits.Count > 0 ? hits : neighbours.Take(options.Distractors));
        }
        else if (options.RetrievalAware)
        {
            // Hard negatives: the clauses most like this one that are of another category.
            passages.AddRange(distractors.Search(example.Input, options.Distractors * 4 + 1)
                .Where(h => h.Item != index && pool[h.Item].Category != example.Category)
                .Take(options.Distractors).Select(h => pool[h.Item].Input));
        }

        if (oracle)
        {
            var at = options.RetrievalAware ? (int)(Unit(example.Id, "position", options.Seed) * (passages.Count + 1)) : 0;
            passages.Insert(Math.Min(at, passages.Count), example.Input);
        }

        var number = passages.IndexOf(example.Input) + 1;
        // A corrected false positive teaches "nothing here", with or without its passage.
        // An example from a review for a side teaches the side: the prompt names it, the answer says whom the clause favours.
        object[] findings = oracle && example.Category != TrainingExample.NoFinding
            ? [example.Side is null
                ? new { category = example.Category, severity = example.Severity, passage = number, quote = example.Quote ?? example.Input, rationale = example.Rationale, confidence = 1.0 }
                : new { category = example.Category, severity = example.Severity, passage = number, quote = example.Quote ?? example.Input, rationale = example.Rationale, confidence = 1.0, favours = example.Favours ?? "unclear" }]
            : [];
        var side = example.Side is null ? string.Empty : $"You review for the {example.Side}.\n";
        return
        [
            ("system", options.Instructions),
            ("user", side + "Passages:\n" + string.Concat(passages.Select((p, i) => $"[{i + 1}] {p}\n"))),
            ("assistant", JsonSerializer.Serialize(new { findings })),
        ];
    }

    private static string Render(DatasetOptions options, List<(string Role, string Content)> chat) => options.Format switch
    {
        DatasetFormat.Bedrock => JsonSerializer.Serialize(new
        {
            schemaVersion = "bedrock-conversation-2024",
            system = chat.Where(m => m.Role == "system").Select(m => new { text = m.Content }),
            messages = chat.Where(m => m.Role != "system").Select(m => new { role = m.Role, content = new[] { new { text = m.Content } } }),
        }),
        _ => JsonSerializer.Serialize(new { messages = chat.Select(m => new { role = m.Role, content = m.Content }) }),
    };

    /// <summary>A stable number in [0, 1) for an example and a purpose.</summary>
    private static double Unit(string id, string purpose, int seed) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{purpose}\n{id}")), 0) / (double)uint.MaxValue;

    /// <summary>Moves a staged file into place atomically (through a temporary name beside it).</summary>
    private static void Publish(string staged, string path, string folder)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(staged, path + ".tmp", overwrite: true);
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TandemException($"cannot write the dataset to {folder} ({ex.Message.TrimEnd('.')})", "choose another --out folder", ex);
        }
    }

    /// <summary>Exact (normalised) and near (word Jaccard ≥ 0.9, found through BM25) matches against evaluation texts.</summary>
    private sealed class LeakCheck
    {
        private readonly HashSet<string> _exact;
        private readonly IReadOnlyList<string> _texts;
        private readonly Bm25Index? _index;

        public LeakCheck(IReadOnlyList<string> texts)
        {
            _texts = texts;
            _exact = texts.Select(t => ExampleDuplicates.IdOf("", "", t)).ToHashSet(StringComparer.Ordinal);
            _index = texts.Count == 0 ? null : new Bm25Index(texts);
        }

        public bool Matches(string input)
        {
            if (_index is null)
            {
                return false;
            }

            if (_exact.Contains(ExampleDuplicates.IdOf("", "", input)))
            {
                return true;
            }

            var words = ExampleDuplicates.Words(input);
            return _index.Search(input, 3).Any(h => ExampleDuplicates.Jaccard(words, ExampleDuplicates.Words(_texts[h.Item])) >= ExampleDuplicates.NearThreshold);
        }
    }
}
