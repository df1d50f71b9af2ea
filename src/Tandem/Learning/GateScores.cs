namespace Tandem.Learning;

/// <summary>A model's scores on the held-out gate set: pooled AUPR and, per category, AUPR with its gold-span support.</summary>
/// <param name="GateSet">Hash of the held-out contracts scored, so scores on different sets are never compared.</param>
/// <param name="Aupr">Pooled AUPR.</param>
/// <param name="Categories">Per category: AUPR and the number of gold spans behind it.</param>
public sealed record GateScores(string GateSet, double Aupr, IReadOnlyDictionary<string, CategoryScore> Categories);
