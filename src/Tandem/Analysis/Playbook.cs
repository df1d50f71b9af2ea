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
}
