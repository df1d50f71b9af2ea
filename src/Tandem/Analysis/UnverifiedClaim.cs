namespace Tandem.Analysis;

/// <summary>A model's finding that was dropped, and why (the citation check's status or a malformed entry).</summary>
/// <param name="Category">The category the model gave.</param>
/// <param name="Passage">The passage number it cited.</param>
/// <param name="Quote">The quote it claimed.</param>
/// <param name="Reason">Why it was dropped, e.g. "QuoteNotFound".</param>
public sealed record UnverifiedClaim(string Category, int Passage, string Quote, string Reason);
