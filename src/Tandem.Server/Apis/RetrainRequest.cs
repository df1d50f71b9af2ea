namespace Tandem.Server.Apis;

/// <summary>A local retrain (as <c>tandem retrain local</c>).</summary>
/// <param name="Data">A folder on the server laid out like CUAD (contracts/*.txt, master_clauses.csv).</param>
/// <param name="Contracts">Train on at most this many of its non-held-out contracts (name order); all by default.</param>
/// <param name="UseCorrections">Add the accepted corrections the audience may read (default true).</param>
/// <param name="Audience">Who will use the model, as access tokens you belong to; default: you and your groups.</param>
public sealed record RetrainRequest(string? Data, int? Contracts = null, bool UseCorrections = true, string? Audience = null);
