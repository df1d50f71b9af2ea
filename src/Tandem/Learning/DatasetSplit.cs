namespace Tandem.Learning;

/// <summary>One of a dataset's two files.</summary>
public enum DatasetSplit
{
    /// <summary>train.jsonl.</summary>
    Train,

    /// <summary>valid.jsonl.</summary>
    Validation,
}
