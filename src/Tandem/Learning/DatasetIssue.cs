namespace Tandem.Learning;

/// <summary>One problem in a dataset file: the line (1-based; 0 for the whole file) and what is wrong.</summary>
public sealed record DatasetIssue(int Line, string Message);
