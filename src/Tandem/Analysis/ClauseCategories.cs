namespace Tandem.Analysis;

/// <summary>
/// The clause taxonomy: the 41 categories of CUAD (The Atticus Project, CC BY 4.0), by name.
/// Names are matched case-insensitively, since sources spell them inconsistently.
/// </summary>
public static class ClauseCategories
{
    /// <summary>All categories in CUAD order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date", "Renewal Term",
        "Notice Period to Terminate Renewal", "Governing Law", "Most Favored Nation", "Non-Compete", "Exclusivity",
        "No-Solicit of Customers", "Competitive Restriction Exception", "No-Solicit of Employees", "Non-Disparagement",
        "Termination for Convenience", "Rofr/Rofo/Rofn", "Change of Control", "Anti-Assignment", "Revenue/Profit Sharing",
        "Price Restrictions", "Minimum Commitment", "Volume Restriction", "IP Ownership Assignment", "Joint IP Ownership",
        "License Grant", "Non-Transferable License", "Affiliate License-Licensor", "Affiliate License-Licensee",
        "Unlimited/All-You-Can-Eat-License", "Irrevocable or Perpetual License", "Source Code Escrow",
        "Post-Termination Services", "Audit Rights", "Uncapped Liability", "Cap on Liability", "Liquidated Damages",
        "Warranty Duration", "Insurance", "Covenant Not to Sue", "Third Party Beneficiary",
    ];

    private static readonly Dictionary<string, string> ByKey =
        All.ToDictionary(Key, name => name, StringComparer.Ordinal);

    /// <summary>The canonical spelling of <paramref name="name"/>, or null if it is not a category.</summary>
    public static string? Canonical(string name) => ByKey.GetValueOrDefault(Key(name));

    /// <summary>The position of a canonical category name in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string category) => Positions.GetValueOrDefault(category, -1);

    private static readonly Dictionary<string, int> Positions = All.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    private static string Key(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
