using System.Text;
using Tandem.Analysis;

namespace Tandem.Prompting;

/// <summary>
/// What a model must know to judge a contract as the firm does: whose side the review takes, the
/// kind of contract, and the playbook's positions on the categories the passages probably hold.
/// The local analyst gets the same inputs through <see cref="ReviewLens"/>; this is their text
/// form for a prompt, so a base model is told and a fine-tuned one learns to reason per side.
/// </summary>
public sealed record ReviewBrief(ReviewSide? Side, string? ContractKind, IReadOnlyList<PlaybookRule> Positions)
{
    /// <summary>How the model states whom a finding's clause favours and which deviation it shows.</summary>
    public const string OutputFields = "Each finding may also carry \"favours\": \"us\" (the side under review), \"them\" (the other side), \"both\" or \"unclear\", and \"deviation\": the name of the firm's deviation it shows, or \"\".";

    /// <summary>The brief for a review: the positions are the playbook's rules for <paramref name="likelyCategories"/>, most likely first, at most <paramref name="maxPositions"/>.</summary>
    public static ReviewBrief For(ReviewSide? side, string? contractKind, Playbook playbook, IEnumerable<string> likelyCategories, int maxPositions = 8)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(likelyCategories);
        var rules = likelyCategories.Distinct(StringComparer.Ordinal).Select(playbook.RuleFor).OfType<PlaybookRule>().Take(maxPositions).ToList();
        return new ReviewBrief(side, contractKind, rules);
    }

    /// <summary>The brief as prompt text.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Side is { } side)
        {
            text.Append("You review for ").Append(side.Describe()).Append('.');
            var others = side.Counterparties.Select(ReviewSide.Label).ToList();
            if (others.Count > 0)
            {
                text.Append(" The other side: ").Append(string.Join("; ", others)).Append('.');
            }

            text.Append(" Judge every clause from that side: the same clause is a risk when it favours the other side and a protection when it favours yours.\n");
        }

        if (ContractKind is { } kind)
        {
            text.Append("Contract type: ").Append(ContractKinds.NameOf(kind)).Append(".\n");
        }

        if (Positions.Count > 0)
        {
            text.Append("The firm's positions:\n");
            foreach (var rule in Positions)
            {
                text.Append("- ").Append(rule.Category).Append(": ").Append(rule.StandardPosition ?? rule.Rationale ?? "no stated position");
                if (rule.Fallback is { Length: > 0 } fallback)
                {
                    text.Append(" Acceptable fallback: ").Append(fallback.TrimEnd('.')).Append('.');
                }

                var deviations = rule.Deviations.Select(d => $"{d.Name} ({d.Severity.ToString().ToLowerInvariant()})").ToList();
                if (deviations.Count > 0)
                {
                    text.Append(" Deviations: ").Append(string.Join("; ", deviations)).Append('.');
                }

                text.Append('\n');
            }
        }

        text.Append(OutputFields);
        return text.ToString();
    }
}
