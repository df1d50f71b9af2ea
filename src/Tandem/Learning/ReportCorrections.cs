using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>A stored report with the corrections recorded on it so far, oldest first.</summary>
public sealed record ReportCorrections(RiskReport Report, IReadOnlyList<RecordedCorrection> Corrections);
