namespace Tandem.Learning;

/// <summary>What an import of examples did.</summary>
/// <param name="Added">Examples stored.</param>
/// <param name="ExactDuplicates">Skipped: the same example was already stored (or given twice).</param>
/// <param name="NearDuplicates">Stored, marked as near duplicates for a reviewer to decide.</param>
/// <param name="Pending">Curated examples stored as pending imports, because the importer may not review them.</param>
public sealed record ExampleImport(int Added, int ExactDuplicates, int NearDuplicates, int Pending);
