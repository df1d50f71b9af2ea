namespace Tandem.Analysis;

/// <summary>How much a finding matters, in increasing order.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
