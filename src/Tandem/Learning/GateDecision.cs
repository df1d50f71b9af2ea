namespace Tandem.Learning;

/// <summary>What the promotion gate decided, and every reason behind it.</summary>
public sealed record GateDecision(bool Promote, IReadOnlyList<string> Reasons);
