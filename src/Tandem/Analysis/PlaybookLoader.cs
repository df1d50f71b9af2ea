using System.Text.RegularExpressions;

namespace Tandem.Analysis;

/// <summary>
/// Reads a playbook from YAML (or JSON, which is YAML) and validates it: known categories,
/// valid severities and regular expressions, one rule per category. Errors name the file,
/// the rule and what to fix. A playbook may <c>extends:</c> another (<c>standard</c> for the
/// shipped one, or a path relative to it) and override any part of it: its name, version and
/// description; a rule's every field, by category; a deviation, by name; <c>remove: true</c> drops
/// a rule or a deviation.
/// </summary>
public static partial class PlaybookLoader
{
    /// <summary>Name of the shipped playbook, next to the program.</summary>
    public const string DefaultFileName = "standard-playbook.yaml";


    /// <summary>The shipped playbook's path: next to the running program.</summary>
    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>Loads and validates a playbook file (or takes it, already validated, from the per-user <see cref="PlaybookCache"/>).</summary>
    public static Playbook Load(string path) => Load(path, PlaybookCache.PerUser);

    /// <summary>Loads a playbook file through <paramref name="cache"/>: a checked playbook is stored there, and taken from there unchecked.</summary>
    internal static Playbook Load(string path, PlaybookCache cache)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"playbook not found: {path}", "pass --playbook with a YAML playbook, e.g. samples/playbook/standard-playbook.yaml");
        }

        var yaml = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (cache.TryRead(yaml, folder) is { } cached)
        {
            // Every pattern in it was built when it was stored: they are built again only as a review needs them.
            return Build(cached.File, name, cached.ContentHash, check: false);
        }

        var bases = new List<(string Path, string Text)>();
        var merged = Extend(Read(yaml, name), name, folder, depth: 0, bases);
        var playbook = Build(merged, name, ContentHash(yaml, bases), check: true);
        cache.Write(yaml, folder, merged, playbook.ContentHash, bases);
        return playbook;
    }

    /// <summary>
    /// Parses and validates playbook YAML; <paramref name="name"/> labels errors and
    /// <paramref name="folder"/> resolves a relative <c>extends:</c> (the working folder when null).
    /// </summary>
    public static Playbook Parse(string yaml, string name, string? folder = null)
    {
        var bases = new List<(string Path, string Text)>();
        var merged = Extend(Read(yaml, name), name, folder, depth: 0, bases);
        return Build(merged, name, ContentHash(yaml, bases), check: true);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the file and every file it extends.</summary>
    private static string ContentHash(string yaml, List<(string Path, string Text)> bases) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\u0000", bases.Select(b => b.Text).Prepend(yaml)))))[..16];

    /// <summary>The playbook's rules from the merged file; with <paramref name="check"/>, every regular expression is built now, so a bad one fails the load.</summary>
    private static Playbook Build(PlaybookFile file, string name, string contentHash, bool check)
    {
        if (string.IsNullOrWhiteSpace(file.Name) || file.Rules is not { Count: > 0 })
        {
            throw new TandemException($"playbook {name} needs a name and at least one rule", "see samples/playbook/standard-playbook.yaml");
        }

        // Each rule's regular expressions are built (and so checked) on every core: a few hundred of them, most of the load.
        var built = new PlaybookRule[file.Rules.Count];
        var failures = new TandemException?[file.Rules.Count];
        Parallel.For(0, file.Rules.Count, i =>
        {
            try
            {
                built[i] = ToRule(file.Rules[i], $"playbook {name}, rule {i + 1}", check);
            }
            catch (TandemException ex)
            {
                failures[i] = ex;
            }
        });

        var rules = new List<PlaybookRule>();
        for (var i = 0; i < built.Length; i++)
        {
            if (failures[i] is { } failure)
            {
                throw failure;
            }

            if (rules.Any(x => x.Category == built[i].Category))
            {
                throw new TandemException($"playbook {name}, rule {i + 1}: category '{built[i].Category}' has a rule already", "merge the two rules");
            }

            rules.Add(built[i]);
        }

        return new Playbook(file.Name.Trim(), file.Version?.Trim() ?? "unversioned", file.Description?.Trim(), rules) { ContentHash = contentHash };
    }

    private static PlaybookRule ToRule(RuleFile r, string where, bool check)
    {
        var category = ClauseCategories.Canonical(r.Category ?? string.Empty)
            ?? throw new TandemException($"{where}: unknown category '{r.Category}'", "use one of the 41 CUAD category names, e.g. 'Cap on Liability'");
        var deviations = (r.Deviations ?? []).Select((d, j) => ToSignal(d, $"{where} ({category}), deviation {j + 1}", check)).ToList();
        var kinds = Kinds(r.ExpectedFor, $"{where}: expected_for");
        var also = (r.ExpectedAlso ?? []).Select((e, j) => new PlaybookExpectation(
            Kinds(e.For, $"{where}: expected_also {j + 1}") is { Count: > 0 } k ? k : throw new TandemException($"{where}: expected_also {j + 1} has no 'for'", "list the kinds (or kind/role) it applies to, e.g. for: [nda/company]"),
            ToRegex(e.When, where, check))).ToList();
        return new PlaybookRule(category, r.Expected ?? false, r.StandardPosition?.Trim(), ParseSeverity(r.Severity, where, Severity.Info),
            r.Rationale?.Trim(), ParseSeverity(r.MissingSeverity, where, Severity.Medium), r.MissingRationale?.Trim(), deviations) { ExpectedFor = kinds, ExpectedExcept = Kinds(r.ExpectedExcept, $"{where}: expected_except"), ExpectedWhen = ToRegex(r.ExpectedWhen, where, check), ExpectedAlso = also, Fallback = r.Fallback?.Trim(), Detect = ToRegex(r.Detect, where, check), DetectReadsDefinitions = r.DetectReadsDefinitions ?? false, DetectWithDefinitions = ToRegex(r.DetectWithDefinitions, where, check), PresentWhen = ParseFavours(r.PresentWhen?.Where(w => !IsDeviating(w)).ToList(), where), PresentWhenDeviating = r.PresentWhen?.Any(IsDeviating) == true, PresentPattern = ToRegex(r.PresentPattern, where, check) };
    }

    private static PlaybookFile Read(string yaml, string name) =>
        YamlDocuments.Deserialize<PlaybookFile>(yaml, $"playbook {name}", "fix the YAML (keys are snake_case: category, expected, severity, deviations ...)")
        ?? throw new TandemException($"playbook {name} is empty", "write at least a name and one rule");

    /// <summary>The file with the playbook it <c>extends:</c> underneath it (recursively, at most four deep).</summary>
    private static PlaybookFile Extend(PlaybookFile file, string name, string? folder, int depth, List<(string Path, string Text)> bases)
    {
        if (string.IsNullOrWhiteSpace(file.Extends))
        {
            return file;
        }

        if (depth >= 4)
        {
            throw new TandemException($"playbook {name} extends playbooks more than four deep", "extend the standard playbook or one of yours directly (is there a loop?)");
        }

        var basePath = file.Extends.Trim().Equals("standard", StringComparison.OrdinalIgnoreCase)
            ? DefaultPath()
            : Path.GetFullPath(file.Extends.Trim(), folder ?? Directory.GetCurrentDirectory());
        if (!File.Exists(basePath))
        {
            throw new TandemException($"playbook {name} extends {file.Extends.Trim()}, which is not found ({basePath})", "write 'extends: standard' or a path relative to the playbook");
        }

        var baseName = Path.GetFileName(basePath);
        var baseText = File.ReadAllText(basePath);
        bases.Add((basePath, baseText));
        var below = Extend(Read(baseText, baseName), baseName, Path.GetDirectoryName(basePath), depth + 1, bases);
        return Override(below, file, name);
    }

    /// <summary><paramref name="over"/>'s settings on top of <paramref name="below"/>'s.</summary>
    private static PlaybookFile Override(PlaybookFile below, PlaybookFile over, string name)
    {
        var rules = (below.Rules ?? []).ToList();
        foreach (var (rule, i) in (over.Rules ?? []).Select((r, i) => (r, i)))
        {
            var category = ClauseCategories.Canonical(rule.Category ?? string.Empty)
                ?? throw new TandemException($"playbook {name}, rule {i + 1}: unknown category '{rule.Category}'", "use one of the 41 CUAD category names, e.g. 'Cap on Liability'");
            var at = rules.FindIndex(r => ClauseCategories.Canonical(r.Category ?? string.Empty) == category);
            if (rule.Remove == true)
            {
                if (at >= 0)
                {
                    rules.RemoveAt(at);
                }
            }
            else if (at < 0)
            {
                rules.Add(rule);
            }
            else
            {
                rules[at] = Override(rules[at], rule);
            }
        }

        return new PlaybookFile { Name = over.Name ?? below.Name, Version = over.Version ?? below.Version, Description = over.Description ?? below.Description, Rules = rules };
    }

    private static RuleFile Override(RuleFile below, RuleFile over)
    {
        var deviations = below.Deviations?.ToList();
        foreach (var d in over.Deviations ?? [])
        {
            deviations ??= [];
            var at = deviations.FindIndex(x => string.Equals(x.Name?.Trim(), d.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                deviations.RemoveAt(at);
            }

            if (d.Remove != true)
            {
                deviations.Insert(at >= 0 ? at : deviations.Count, d);
            }
        }

        return new RuleFile
        {
            Category = below.Category,
            Expected = over.Expected ?? below.Expected,
            ExpectedFor = over.ExpectedFor ?? below.ExpectedFor,
            ExpectedWhen = over.ExpectedWhen ?? below.ExpectedWhen,
            ExpectedAlso = over.ExpectedAlso ?? below.ExpectedAlso,
            ExpectedExcept = over.ExpectedExcept ?? below.ExpectedExcept,
            Detect = over.Detect ?? below.Detect,
            DetectReadsDefinitions = over.DetectReadsDefinitions ?? below.DetectReadsDefinitions,
            DetectWithDefinitions = over.DetectWithDefinitions ?? below.DetectWithDefinitions,
            PresentWhen = over.PresentWhen ?? below.PresentWhen,
            PresentPattern = over.PresentPattern ?? below.PresentPattern,
            StandardPosition = over.StandardPosition ?? below.StandardPosition,
            Fallback = over.Fallback ?? below.Fallback,
            Severity = over.Severity ?? below.Severity,
            Rationale = over.Rationale ?? below.Rationale,
            MissingSeverity = over.MissingSeverity ?? below.MissingSeverity,
            MissingRationale = over.MissingRationale ?? below.MissingRationale,
            Deviations = deviations,
        };
    }

    /// <summary>The <c>present_when</c> word for "a clause that falls short of the standard still counts as there".</summary>
    private static bool IsDeviating(string word) => word.Trim().Equals("deviating", StringComparison.OrdinalIgnoreCase);

    private static DeviationSignal ToSignal(DeviationFile d, string where, bool check)
    {
        var when = ParseFavours(d.When, where);
        if (d.Measure is { } measure && !ClauseQuantities.Names.Contains(measure.Trim()))
        {
            throw new TandemException($"{where}: unknown measure '{measure}'", $"use one of {string.Join(", ", ClauseQuantities.Names)}");
        }

        if (d.Measure is not null && d.Below is null && d.Above is null)
        {
            throw new TandemException($"{where}: measure '{d.Measure}' needs a bound", "add below: <number> or above: <number>");
        }

        if (string.IsNullOrWhiteSpace(d.Pattern) && string.IsNullOrWhiteSpace(d.AbsentPattern) && when.Count == 0 && d.Measure is null && d.Roles is not { Count: > 0 })
        {
            throw new TandemException($"{where}: needs a pattern, an absent_pattern, a when or a measure", "add a .NET regular expression, or say whom the clause must favour");
        }

        return new DeviationSignal(d.Name?.Trim() ?? "deviation", ToRegex(Checked(d.Pattern), where, check), ToRegex(Checked(d.AbsentPattern), where, check),
            ParseSeverity(d.Severity, where, Severity.Medium), d.Rationale?.Trim())
        {
            PatternTemplate = DeviationSignal.NamesSides(d.Pattern) ? d.Pattern : null,
            AbsentPatternTemplate = DeviationSignal.NamesSides(d.AbsentPattern) ? d.AbsentPattern : null,
            ContractAbsentPattern = ToRegex(Checked(WholeDocument(d.ContractAbsentPattern, $"{where}: contract_absent_pattern")), where, check),
            ContractAbsentPatternTemplate = DeviationSignal.NamesSides(d.ContractAbsentPattern) ? d.ContractAbsentPattern : null,
            ContractPattern = ToRegex(Checked(WholeDocument(d.ContractPattern, $"{where}: contract_pattern")), where, check),
            ContractPatternTemplate = DeviationSignal.NamesSides(d.ContractPattern) ? d.ContractPattern : null,
            LiftsLimit = d.LiftsLimit ?? false,
            Absence = d.Absence ?? false,
            ReadsDefinitions = d.ReadDefinitions ?? false,
            ReadsReferences = d.ReadReferences ?? false,
            When = when,
            Roles = (d.Roles ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
            Measure = d.Measure?.Trim(),
            Below = d.Below,
            Above = d.Above,
        };
    }

    /// <summary>
    /// A pattern matched against a whole contract that opens with a lookahead ("(?is)(?=.*incorporated in England)(?=.*…)")
    /// is tried at every position of the text, each try scanning to its end: quadratic time, a second or more on a long
    /// contract where the words are absent. Such a pattern must start at the beginning of the text (^).
    /// </summary>
    private static string? WholeDocument(string? pattern, string where)
    {
        if (pattern is not null && LeadingLookahead().IsMatch(pattern))
        {
            throw new TandemException($"{where}: a pattern matched against the whole contract opens with a lookahead but is not anchored", "start it with ^ after the options, e.g. (?is)^(?=.*words)");
        }

        return pattern;
    }

    [GeneratedRegex(@"^\s*(?:\(\?[a-zA-Z]+\))?\s*\(\?[=!]")]
    private static partial Regex LeadingLookahead();

    /// <summary>A pattern that names the sides is checked (and compiled) with them as "never matches"; the review fills them in.</summary>
    private static string? Checked(string? pattern) => DeviationSignal.NamesSides(pattern) ? DeviationSignal.ForSide(pattern!, null) : pattern;

    private static List<Favours> ParseFavours(List<string>? values, string where) =>
        (values ?? []).Select(w => Enum.TryParse<Favours>(w.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) && w.Trim().Length > 1
            ? f
            : throw new TandemException($"{where}: unknown 'when' value '{w}'", "use us, them, both or unclear (whom the clause favours, seen from the side under review)")).ToList();

    private static PlaybookPattern? ToRegex(string? pattern, string where, bool check)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return null;
        }

        // Quoting slips load silently and match nothing: a control character (a "\b" written inside a double-quoted YAML
        // string or an escaped script is a backspace), or two apostrophes in a row (in a single-quoted YAML string '' is
        // one apostrophe, so '''' is two, and "Customer''s" never occurs in a contract).
        if (pattern.Where(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')).Select(c => (char?)c).FirstOrDefault() is { } control)
        {
            throw new TandemException($"{where}: pattern contains the control character U+{(int)control:X4}", "write \\b for a word boundary in a double-quoted string, or single-quote the pattern");
        }

        if (pattern.Contains("''", StringComparison.Ordinal))
        {
            throw new TandemException($"{where}: pattern contains two apostrophes in a row ('')", "in a single-quoted YAML string write one apostrophe as '' (two), not '''' (four)");
        }

        try
        {
            var built = new PlaybookPattern(pattern, RegexOptions.CultureInvariant, RegexBudget.Timeout);
            return check ? built.Check() : built;
        }
        catch (ArgumentException ex)
        {
            throw new TandemException($"{where}: invalid regular expression '{pattern}' ({ex.Message.TrimEnd('.')})", "fix the pattern", ex);
        }
    }

    private static Severity ParseSeverity(string? value, string where, Severity fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return Enum.TryParse<Severity>(value.Trim(), ignoreCase: true, out var severity) && Enum.IsDefined(severity)
            ? severity
            : throw new TandemException($"{where}: unknown severity '{value}'", "use info, low, medium, high or critical");
    }

    /// <summary>Contract kinds (or kind/role) as the playbook lists them, lower-cased; an unknown kind is one line saying which.</summary>
    private static List<string> Kinds(List<string>? listed, string where)
    {
        var kinds = (listed ?? []).Select(k => k.Trim().ToLowerInvariant()).ToList();
        if (kinds.FirstOrDefault(k => !ContractKinds.IsKnown(k.Split('/')[0]) || k.Split('/') is not ([_] or [_, { Length: > 0 }])) is { } unknown)
        {
            throw new TandemException($"{where}: unknown contract kind '{unknown}'", $"use {string.Join(", ", ContractKinds.All.Select(k => k.Id))} or other");
        }

        return kinds;
    }

    /// <summary>The YAML shape of a playbook file.</summary>
    internal sealed class PlaybookFile
    {
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Description { get; set; }
        public string? Extends { get; set; }
        public List<RuleFile>? Rules { get; set; }
    }

    /// <summary>The YAML shape of a rule.</summary>
    internal sealed class RuleFile
    {
        public string? Category { get; set; }
        public bool? Remove { get; set; }
        public bool? Expected { get; set; }
        public List<string>? ExpectedFor { get; set; }

        public List<string>? ExpectedExcept { get; set; }
        public string? ExpectedWhen { get; set; }
        public List<ExpectationFile>? ExpectedAlso { get; set; }
        public string? Detect { get; set; }
        public bool? DetectReadsDefinitions { get; set; }
        public string? DetectWithDefinitions { get; set; }
        public List<string>? PresentWhen { get; set; }
        public string? PresentPattern { get; set; }
        public string? StandardPosition { get; set; }
        public string? Fallback { get; set; }
        public string? Severity { get; set; }
        public string? Rationale { get; set; }
        public string? MissingSeverity { get; set; }
        public string? MissingRationale { get; set; }
        public List<DeviationFile>? Deviations { get; set; }
    }

    /// <summary>The YAML shape of one more case in which a protection is expected.</summary>
    internal sealed class ExpectationFile
    {
        public List<string>? For { get; set; }
        public string? When { get; set; }
    }

    /// <summary>The YAML shape of a deviation signal.</summary>
    internal sealed class DeviationFile
    {
        public string? Name { get; set; }
        public bool? Remove { get; set; }
        public List<string>? When { get; set; }
        public List<string>? Roles { get; set; }
        public string? Measure { get; set; }
        public double? Below { get; set; }
        public double? Above { get; set; }
        public string? Pattern { get; set; }
        public string? AbsentPattern { get; set; }
        public string? ContractAbsentPattern { get; set; }
        public string? ContractPattern { get; set; }
        public bool? LiftsLimit { get; set; }
        public bool? Absence { get; set; }
        public bool? ReadDefinitions { get; set; }
        public bool? ReadReferences { get; set; }
        public string? Severity { get; set; }
        public string? Rationale { get; set; }
    }
}
