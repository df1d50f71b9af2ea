namespace Tandem.Learning;

/// <summary>What came of accepting or rejecting a set of examples.</summary>
/// <param name="Reviewed">How many were accepted (or rejected and deleted).</param>
/// <param name="NotFound">Ids that do not exist or that the caller may not read (the same for both).</param>
/// <param name="Refused">Ids the caller may read but not review; when there are any, nothing was reviewed.</param>
public sealed record ExampleDecision(int Reviewed, IReadOnlyList<string> NotFound, IReadOnlyList<string> Refused);
