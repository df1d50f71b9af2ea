namespace Tandem.Analysis;

/// <summary>One more case in which a playbook rule's protection is expected: kinds (or kind/role) and, optionally, words the contract must contain.</summary>
/// <param name="For">Contract kinds, or kind/role ("nda/company"), as in <see cref="PlaybookRule.ExpectedFor"/>; never empty.</param>
/// <param name="When">Words the whole contract must contain; null when the kind and role alone decide.</param>
public sealed record PlaybookExpectation(IReadOnlyList<string> For, PlaybookPattern? When);
