namespace Tandem.Learning;

/// <summary>What a dataset build wrote and left out.</summary>
/// <param name="TrainPath">The training file (written only when <paramref name="TrainReport"/> is valid).</param>
/// <param name="ValidationPath">The validation file.</param>
/// <param name="Train">Examples in the training file.</param>
/// <param name="Validation">Examples in the validation file.</param>
/// <param name="Excluded">Examples left out, each with the reason (access guard, leak check, near duplicate, not reviewed).</param>
/// <param name="DatasetHash">Hash of both files' contents, for the registry.</param>
/// <param name="TrainReport">The training file validated against the format's rules, with token statistics.</param>
public sealed record DatasetBuild(string TrainPath, string ValidationPath, int Train, int Validation, IReadOnlyList<Exclusion> Excluded,
    string DatasetHash, DatasetReport TrainReport);
