using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>A clause prepared for training: its features' input and one label per category.</summary>
/// <param name="Contract">The contract it comes from (splits are by contract, never by clause).</param>
/// <param name="Row">The featurizer input.</param>
/// <param name="Labels">Per category (in <see cref="ClauseCategories.All"/> order): does the clause carry it?</param>
public sealed record LabelledClause(string Contract, ClauseFeatureRow Row, bool[] Labels);
