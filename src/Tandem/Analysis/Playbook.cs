namespace Tandem.Analysis;

/// <summary>A firm's review playbook: per category, the standard position and what deviates.</summary>
public sealed record Playbook(string Name, string Version, string? Description, IReadOnlyList<PlaybookRule> Rules)
{
    /// <summary>
    /// SHA-256 (first 16 hex digits) of the playbook's YAML and of every file it extends: two playbooks with the same
    /// name and version but different rules are told apart (a report's id depends on it); empty when built in code.
    /// </summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>The rule for a category, or null.</summary>
    public PlaybookRule? RuleFor(string category) => Rules.FirstOrDefault(r => r.Category == category);

    /// <summary>Every regular expression of every rule: what identifies a clause, what makes it a deviation, when a protection is expected.</summary>
    public IEnumerable<PlaybookPattern> Patterns() => Rules.SelectMany(r =>
            new[] { r.Detect, r.DetectWithDefinitions, r.PresentPattern, r.ExpectedWhen }
                .Concat(r.ExpectedAlso.Select(e => e.When))
                .Concat(r.Deviations.SelectMany(d => new[] { d.Pattern, d.AbsentPattern, d.ContractPattern, d.ContractAbsentPattern })))
        .OfType<PlaybookPattern>();

    /// <summary>
    /// Builds, ahead of a review of <paramref name="text"/>, the patterns (alternative by alternative) whose words the text
    /// has, until <paramref name="until"/> completes: a review waiting for its analyst to load spends the wait on the
    /// patterns it would otherwise build as it goes. A pattern a review fills in with the sides ({us}, {them}) is built
    /// then. Returns how many were built.
    /// </summary>
    public int Prepare(string text, Task until)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(until);
        var folded = RegexAlternatives.FoldedOnce(text);
        var built = 0;
        foreach (var part in Patterns().SelectMany(p => p.Parts))
        {
            if (until.IsCompleted)
            {
                break;
            }

            if (!part.IsBuilt && RegexFactors.MayMatch(part.Factors, folded))
            {
                _ = part.Regex;
                built++;
            }
        }

        return built;
    }
}
