using System.Text.Json;
using System.Text.Json.Serialization;
using Tandem.Analysis;

namespace Tandem.Evaluation;

/// <summary>
/// An answer key for contract reviews (the format is described in samples/review-key/README.md):
/// per contract, the side under review, each deliberate risk's clauses, acceptable categories and
/// least severity, and the protections that must be reported missing. Loading validates it all,
/// so a typo fails with the entry and field named instead of scoring as a miss.
/// </summary>
public sealed record ReviewKey(IReadOnlyList<ReviewKeyContract> Contracts)
{
    /// <summary>
    /// Where the key's contracts are, as the key file names it ("contractsFolder", relative to the
    /// key file; the key's own folder when it names none). <see cref="Load"/> resolves it to a full path.
    /// </summary>
    public string? ContractsFolder { get; init; }

    /// <summary>A key is a hand-written file; anything larger is not one.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private const string FormatHint = "see samples/review-key/README.md for the format";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and validates a key file.</summary>
    public static ReviewKey Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new TandemException($"answer key not found: {path}", "name a JSON answer key (eval review --key, train local --review-key), e.g. samples/review-key/answers.json");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new TandemException($"answer key {file.Name} is {file.Length / (1024 * 1024)} MB, more than a key can be ({MaxFileBytes / (1024 * 1024)} MB)", "check that --key names the answer key");
        }

        var key = Parse(File.ReadAllText(path), file.Name);
        return key with { ContractsFolder = Path.GetFullPath(Path.Combine(file.DirectoryName ?? ".", key.ContractsFolder ?? ".")) };
    }

    /// <summary>Parses and validates key JSON; <paramref name="name"/> labels errors.</summary>
    public static ReviewKey Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(json, Json);
        }
        catch (JsonException ex)
        {
            var at = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            throw new TandemException($"answer key {name} is not a valid key{at} ({ex.Message.Split(" Path:")[0].TrimEnd('.')})", FormatHint, ex);
        }

        if (file?.Contracts is not { Count: > 0 } contracts)
        {
            throw new TandemException($"answer key {name} has no contracts", FormatHint);
        }

        var entries = contracts.Select((c, i) => Contract(c, $"answer key {name}, contract {i + 1}")).ToList();
        if (entries.GroupBy(e => e.File, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TandemException($"answer key {name} keys {twice.Key} twice", "merge the two entries");
        }

        if (file.ContractsFolder is { } folder && (string.IsNullOrWhiteSpace(folder) || Path.IsPathRooted(folder)))
        {
            throw new TandemException($"answer key {name}: contractsFolder must be a folder relative to the key file", FormatHint);
        }

        return new ReviewKey(entries) { ContractsFolder = file.ContractsFolder };
    }

    private static ReviewKeyContract Contract(ContractFile c, string where)
    {
        var file = Required(c.File, where, "file");
        where = $"{where} ({file})";
        if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains(".."))
        {
            throw new TandemException($"{where}: file must be a path inside the contracts folder", "name it relative to --contracts");
        }

        var risks = (c.Risks ?? []).Select((r, i) => Risk(r, $"{where}, risk {i + 1}")).ToList();
        if (risks.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TandemException($"{where}: risk id '{twice.Key}' is used twice", "give each risk its own id");
        }

        var missing = (c.Missing ?? []).Select(m => Category(m, $"{where}, missing")).ToList();
        if (risks.Count == 0 && missing.Count == 0)
        {
            throw new TandemException($"{where}: names no risks and no missing protections", "add the contract's deliberate risks, or remove the entry");
        }

        return new ReviewKeyContract(file, Required(c.Side, where, "side"), Required(c.Type, where, "type"), risks, missing, Paths(c.Ordinary, where, "ordinary"));
    }

    private static ReviewKeyRisk Risk(RiskFile r, string where)
    {
        var id = Required(r.Id, where, "id");
        where = $"{where} ({id})";
        var clauses = Paths(r.Clauses, where, "clauses");
        if (clauses.Count == 0)
        {
            throw new TandemException($"{where}: needs at least one clause path", "add clauses, e.g. [\"12.2\"] (see 'tandem clauses <file>' for the paths)");
        }

        var categories = (r.Categories ?? []).Select(x => Category(x, where)).Distinct(StringComparer.Ordinal).ToList();
        if (categories.Count == 0)
        {
            throw new TandemException($"{where}: needs at least one acceptable category", "add categories, e.g. [\"Cap on Liability\"]");
        }

        var severity = Enum.GetValues<Severity>().Cast<Severity?>()
            .FirstOrDefault(s => s.ToString()!.Equals(r.MinSeverity?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new TandemException($"{where}: minSeverity '{r.MinSeverity}' is not a severity", "use info, low, medium, high or critical");
        return new ReviewKeyRisk(id, Plain(r.Description ?? string.Empty), clauses, categories, severity);
    }

    private static string Category(string? value, string where) =>
        ClauseCategories.Canonical(value ?? string.Empty)
        ?? throw new TandemException($"{where}: unknown category '{value}'", "use one of the 41 CUAD category names, e.g. 'Cap on Liability'");

    private static List<string> Paths(IReadOnlyList<string?>? values, string where, string field) =>
        (values ?? []).Select(v => string.IsNullOrWhiteSpace(v)
            ? throw new TandemException($"{where}: {field} has an empty clause path", "write paths as 'tandem clauses <file>' shows them, e.g. 12.3(b)")
            : Plain(v)).ToList();

    private static string Required(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new TandemException($"{where}: {field} is missing", FormatHint) : Plain(value);

    /// <summary>Key text is printed to terminals: no control character (an escape sequence, a carriage return) survives.</summary>
    private static string Plain(string value) => new string([.. value.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();

    /// <summary>The JSON shape of a key file.</summary>
    private sealed class KeyFile
    {
        public string? Description { get; set; }

        public string? ContractsFolder { get; set; }

        public List<ContractFile>? Contracts { get; set; }
    }

    private sealed class ContractFile
    {
        public string? File { get; set; }

        public string? Side { get; set; }

        public string? Type { get; set; }

        public string? Description { get; set; }

        public List<RiskFile>? Risks { get; set; }

        public List<string?>? Missing { get; set; }

        public List<string?>? Ordinary { get; set; }
    }

    private sealed class RiskFile
    {
        public string? Id { get; set; }

        public string? Description { get; set; }

        public List<string?>? Clauses { get; set; }

        public List<string?>? Categories { get; set; }

        public string? MinSeverity { get; set; }
    }
}
