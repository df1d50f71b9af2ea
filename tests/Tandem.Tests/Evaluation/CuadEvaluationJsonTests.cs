using System.Text.Json;
using Tandem.Evaluation;
using Tandem.Reporting;

namespace Tandem.Tests.Evaluation;

public sealed class CuadEvaluationJsonTests
{
    [Fact]
    public void Serialize_OverallCurve_WritesEachPointsNumbers()
    {
        var overall = new CuadScore("overall", 2, 0.5, 0.25, 0);
        var evaluation = new CuadEvaluation("local", 1, overall, 0.5, [overall], TimeSpan.FromSeconds(1))
        {
            OverallCurve = [new CurvePoint(0.9, 1, 0.5), new CurvePoint(0.1, 0.5, 1)],
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(evaluation, ReportJson.Options));

        var points = json.RootElement.GetProperty("overallCurve").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal(0.5, points[0].GetProperty("recall").GetDouble());
        Assert.Equal(0.5, points[1].GetProperty("precision").GetDouble());
    }
}
