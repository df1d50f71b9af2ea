namespace Tandem.Analysis;

/// <summary>A clause's features as a sparse vector: the non-zero slots, ascending, and their values.</summary>
public sealed record FeatureVector(int[] Indices, float[] Values);
