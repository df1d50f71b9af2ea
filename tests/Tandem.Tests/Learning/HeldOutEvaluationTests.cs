using Tandem.Learning;

namespace Tandem.Tests.Learning;

public sealed class HeldOutEvaluationTests
{
    [Fact]
    public void AveragePrecision_HandComputedRanking()
    {
        // Relevant at ranks 1, 3 and 4 of 4 positives: (1/1 + 2/3 + 3/4) / 4.
        var ap = HeldOutEvaluation.AveragePrecisionOf([true, false, true, true, false], totalPositives: 4);

        Assert.Equal((1.0 + 2.0 / 3 + 3.0 / 4) / 4, ap, 10);
    }

    [Fact]
    public void ExpectedCalibrationError_PerfectAndWorstCases()
    {
        // Bins at 0.05 (0 of 2 positive) and 0.95 (2 of 2): |0 - 0.05|·½ + |1 - 0.95|·½ = 0.05.
        Assert.Equal(0.05, HeldOutEvaluation.ExpectedCalibrationError([(0.05f, false), (0.05f, false), (0.95f, true), (0.95f, true)]), 5);
        Assert.Equal(0, HeldOutEvaluation.ExpectedCalibrationError([(0.5f, false), (0.5f, true)]), 5);
        Assert.Equal(0.95, HeldOutEvaluation.ExpectedCalibrationError([(0.95f, false), (0.95f, false)]), 5);
    }
}
