namespace Tandem.Learning;

/// <summary>Labelled clauses from CUAD and how many annotated spans were found in the texts.</summary>
public sealed record CuadLabelling(IReadOnlyList<LabelledClause> Clauses, int LocatedSpans, int MissingSpans);
