using Tandem.Prompting;

namespace Tandem.Analysis;

/// <summary>A model's finding with its category resolved (null when unknown) and its citation checked.</summary>
public sealed record CheckedClaim(FindingsJson.ModelFinding Claim, string? Category, CitationCheck Check)
{
    public bool Verified => Category is not null && Check.IsVerified;
}
