using Tandem.Documents;
using Tandem.Retrieval;

namespace Tandem.Evaluation;

/// <summary>One contract of the CUAD retrieval evaluation: its clauses, their vectors (empty without a dense model), its index and its located annotations by category.</summary>
internal sealed record CuadRetrievalContract(CuadContract Contract, List<Clause> Clauses, IReadOnlyList<float[]> Vectors, HybridIndex Index,
    Dictionary<string, List<(int Start, int End)>> Gold);
