namespace Tandem.Learning;

/// <summary>One category's held-out AUPR and its support (gold spans).</summary>
public sealed record CategoryScore(double Aupr, int Support);
