using Tandem.Analysis;

namespace Tandem.Server.Reviews;

/// <summary>A review asked for: done within the request (<see cref="Report"/>) or queued as a job (<see cref="Job"/>).</summary>
public sealed record ReviewSubmission(RiskReport? Report, ReviewJobStatus? Job);
