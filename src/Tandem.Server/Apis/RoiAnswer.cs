using Tandem.Economics;

namespace Tandem.Server.Apis;

/// <summary>A scenario with its prices resolved, and what it costs and saves.</summary>
public sealed record RoiAnswer(RoiScenario Scenario, RoiResult Result);
