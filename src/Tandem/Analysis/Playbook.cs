namespace Tandem.Analysis;

/// <summary>A firm's review playbook: per category, the standard position and what deviates.</summary>
public sealed record Playbook(string Name, string Version, string? Description, IReadOnlyList<PlaybookRule> Rules)
{
    /// <summary>The rule for a category, or null.</summary>
    public PlaybookRule? RuleFor(string category) => Rules.FirstOrDefault(r => r.Category == category);
}
