namespace Tandem.Store;

/// <summary>A stored vector: its number in the order vectors were stored, the text hash it belongs to, and the vector.</summary>
public sealed record StoredVector(long Id, string Hash, float[] Vector);
