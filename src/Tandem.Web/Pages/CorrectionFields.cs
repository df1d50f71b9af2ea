using Tandem.Analysis;

namespace Tandem.Web.Pages;

/// <summary>The fields of a correction form, prefilled with a finding's own values (none for a missed finding).</summary>
/// <param name="Prefix">Makes the fields' ids unique on the page.</param>
/// <param name="Category">The finding's category.</param>
/// <param name="Severity">The finding's severity.</param>
/// <param name="Rationale">The finding's rationale.</param>
public sealed record CorrectionFields(string Prefix, string? Category, Severity? Severity, string? Rationale);
