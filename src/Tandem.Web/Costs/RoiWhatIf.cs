using Tandem.Economics;

namespace Tandem.Web.Costs;

/// <summary>The scenario's result with one variable changed.</summary>
/// <param name="Label">The change, in words.</param>
/// <param name="Result">What it costs and saves then.</param>
public sealed record RoiWhatIf(string Label, RoiResult Result);
