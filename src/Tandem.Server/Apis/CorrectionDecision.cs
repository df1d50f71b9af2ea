namespace Tandem.Server.Apis;

/// <summary>A correction after a reviewer's decision.</summary>
/// <param name="CorrectionId">The correction.</param>
/// <param name="Review">accepted or rejected.</param>
public sealed record CorrectionDecision(string CorrectionId, string Review);
