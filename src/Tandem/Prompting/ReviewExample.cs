namespace Tandem.Prompting;

/// <summary>A worked example for few-shot prompting: a clause and the finding expected for it.</summary>
/// <param name="Category">The clause category.</param>
/// <param name="ClauseText">The clause as the model would see it.</param>
/// <param name="Severity">Expected severity.</param>
/// <param name="Rationale">Expected one-sentence rationale.</param>
public sealed record ReviewExample(string Category, string ClauseText, string Severity, string Rationale);
