namespace Tandem.Server.Apis;

/// <summary>How to gate a candidate (as <c>tandem models promote</c>).</summary>
/// <param name="Margin">Required pooled AUPR gain over the champion, in points (default 1.0).</param>
/// <param name="Force">Promote even if the gate refuses; needs <paramref name="Reason"/>, which is recorded.</param>
/// <param name="Reason">Why a forced promotion is justified.</param>
public sealed record PromoteRequest(double Margin = 1.0, bool Force = false, string? Reason = null);
