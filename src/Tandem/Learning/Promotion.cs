namespace Tandem.Learning;

/// <summary>What a promotion attempt did: the gate's decision with every reason, and whether the candidate is now the champion.</summary>
/// <param name="Candidate">The candidate as it was gated.</param>
/// <param name="Champion">The champion it was gated against (retired when the candidate was promoted), if any.</param>
/// <param name="Decision">The gate's decision and reasons.</param>
/// <param name="Promoted">True when the candidate is now the champion (passed, or forced).</param>
/// <param name="Note">The recorded reason: "passed the gate" or the forced reason; null when refused.</param>
public sealed record Promotion(RegisteredModel Candidate, RegisteredModel? Champion, GateDecision Decision, bool Promoted, string? Note)
{
    /// <summary>The one line that says a refusal, for a surface to show as an error.</summary>
    public string Refusal => $"the gate refused {Candidate.Id}; {Champion?.Id ?? "nothing"} stays champion";

    /// <summary>True when the promoted model was trained for a narrower audience than everyone it now reviews for.</summary>
    public bool WidensAudience => Promoted && !Candidate.Audience.Contains(Access.AccessList.Public);
}
