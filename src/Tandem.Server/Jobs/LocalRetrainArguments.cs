namespace Tandem.Server.Jobs;

/// <summary>What a background local retrain needs, kept with the job (so plain, serialisable values only).</summary>
/// <param name="DataFolder">The CUAD-style folder to train on.</param>
/// <param name="ModelsFolder">Where the candidate's model file is written.</param>
/// <param name="Audience">Who the model is for: only corrections all of them may read are used.</param>
/// <param name="UseCorrections">Whether to add the accepted corrections.</param>
/// <param name="Contracts">At most this many non-held-out contracts; null for all.</param>
/// <param name="UserId">The admin who asked.</param>
/// <param name="Groups">Their groups.</param>
/// <param name="RequestedAt">When they asked: the candidate's time, so a retry after a node died finds the candidate an earlier run registered.</param>
public sealed record LocalRetrainArguments(string DataFolder, string ModelsFolder, string[] Audience, bool UseCorrections, int? Contracts,
    string UserId, IReadOnlyList<string> Groups, DateTimeOffset RequestedAt);
