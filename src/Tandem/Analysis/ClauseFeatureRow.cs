namespace Tandem.Analysis;

/// <summary>The featurizer's input for one clause (ML.NET maps it by property name).</summary>
public sealed class ClauseFeatureRow
{
    /// <summary>The clause text, truncated.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The clause's heading and path, e.g. "Limitation of Liability 12.3".</summary>
    public string Heading { get; set; } = string.Empty;

    /// <summary>Relative position in the document, 0 (start) to 1 (end).</summary>
    public float Position { get; set; }

    /// <summary>1 for the first few clauses, where titles, parties and dates sit.</summary>
    public float Early { get; set; }

    /// <summary>Builds the row for a clause at <paramref name="ordinal"/> of <paramref name="count"/>.</summary>
    public static ClauseFeatureRow For(Documents.Clause clause, int ordinal, int count)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return For(clause.Text, clause.Heading, clause.Kind, ordinal, count);
    }

    /// <summary>Builds the row for a clause's text, heading and kind at <paramref name="ordinal"/> of <paramref name="count"/>.</summary>
    public static ClauseFeatureRow For(string text, string? heading, Documents.ClauseKind kind, int ordinal, int count) => new()
    {
        Text = text.Length > 3000 ? text[..3000] : text,
        Heading = (heading ?? string.Empty) + " " + kind,
        Position = count <= 1 ? 0f : ordinal / (float)(count - 1),
        Early = ordinal < 5 ? 1f : 0f,
    };
}
