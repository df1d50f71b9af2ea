using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tandem.Evaluation;

/// <summary>
/// Loads a folder in BEIR layout, as ACORD ships: <c>corpus.jsonl</c> ({_id, text}),
/// <c>queries.jsonl</c> ({_id, text, metadata{category, split}}) and <c>qrels/&lt;split&gt;.tsv</c>
/// (query-id, corpus-id, score 0-4).
/// </summary>
public sealed class AcordDataset
{
    private AcordDataset(IReadOnlyDictionary<string, string> corpus, IReadOnlyList<AcordQuery> queries)
    {
        Corpus = corpus;
        Queries = queries;
    }

    /// <summary>Corpus id → clause text.</summary>
    public IReadOnlyDictionary<string, string> Corpus { get; }

    /// <summary>The queries of the split, each with its judged pool.</summary>
    public IReadOnlyList<AcordQuery> Queries { get; }

    public static AcordDataset Load(string folder, string split)
    {
        var root = Path.GetFullPath(folder);
        var corpusPath = Path.Combine(root, "corpus.jsonl");
        var queriesPath = Path.Combine(root, "queries.jsonl");
        var qrelsPath = Path.Combine(root, "qrels", split + ".tsv");
        if (!File.Exists(corpusPath) || !File.Exists(queriesPath))
        {
            throw new TandemException($"{folder} is not a BEIR/ACORD folder (expected corpus.jsonl, queries.jsonl and qrels/)",
                "pass the ACORD development data, e.g. ../shared/data/acord-dev");
        }

        if (!File.Exists(qrelsPath))
        {
            var available = Directory.Exists(Path.Combine(root, "qrels"))
                ? Directory.GetFiles(Path.Combine(root, "qrels"), "*.tsv").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()
                : [];
            throw new TandemException($"no judgements for split '{split}' in {folder}: qrels/{split}.tsv does not exist (a development copy keeps the test split back)",
                available.Count == 0 ? "add qrels/<split>.tsv files" : "use " + string.Join(" or ", available.Select(s => "--split " + s)));
        }

        var corpus = ReadJsonLines(corpusPath).ToDictionary(e => Text(e, "_id", corpusPath), e => Text(e, "text", corpusPath), StringComparer.Ordinal);
        var judgements = ReadQrels(qrelsPath);
        var queries = new List<AcordQuery>();
        foreach (var e in ReadJsonLines(queriesPath))
        {
            var id = Text(e, "_id", queriesPath);
            if (!judgements.TryGetValue(id, out var judged))
            {
                continue;
            }

            var metadata = e.TryGetProperty("metadata", out var m) ? m : default;
            queries.Add(new AcordQuery(id, Text(e, "text", queriesPath),
                metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("category", out var c) ? c.GetString() ?? "" : "",
                split, judged));
        }

        return new AcordDataset(corpus, queries);
    }

    private static Dictionary<string, Dictionary<string, int>> ReadQrels(string path)
    {
        var result = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = "\t", HasHeaderRecord = true });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var query = csv.GetField(0) ?? string.Empty;
            var doc = csv.GetField(1) ?? string.Empty;
            if (!int.TryParse(csv.GetField(2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
            {
                throw new TandemException($"{Path.GetFileName(path)} line {csv.Parser.Row}: score '{csv.GetField(2)}' is not a number", "scores are integers 0-4");
            }

            if (!result.TryGetValue(query, out var judged))
            {
                result[query] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            judged[doc] = score;
        }

        return result;
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement element;
            try
            {
                element = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException ex)
            {
                throw new TandemException($"{Path.GetFileName(path)} line {line} is not valid JSON ({ex.Message.TrimEnd('.')})", "fix or remove the line", ex);
            }

            yield return element;
        }
    }

    private static string Text(JsonElement e, string property, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new TandemException($"{Path.GetFileName(path)}: an entry lacks the string field '{property}'", "each line needs _id and text");
}
