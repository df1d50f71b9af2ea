using System.Text.Json.Serialization;

namespace Tandem.Analysis;

/// <summary>A party to a contract as its preamble names it.</summary>
/// <param name="Name">The legal name, e.g. "Lumenfield Software, Inc.".</param>
/// <param name="Role">The defined term the contract uses for it, e.g. "Provider" (or a short name such as "Halvorsen").</param>
public sealed record ContractParty(string Name, string Role)
{
    /// <summary>
    /// Where the party is incorporated, as its description says ("a Delaware corporation" → Delaware,
    /// "incorporated in England and Wales" → England and Wales); null when not said. Read again from the
    /// contract at every review, so reports do not store it.
    /// </summary>
    [JsonIgnore]
    public string? Home { get; init; }

    /// <summary>Other defined names the party goes by in the text: "Veridian" in ("Veridian" or the "Discloser").</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
