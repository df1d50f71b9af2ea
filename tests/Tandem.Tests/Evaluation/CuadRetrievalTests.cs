using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

public sealed class CuadRetrievalTests
{
    [Fact]
    public void CharacterOverlap_HandComputed()
    {
        // Retrieved [0,10) and [5,20) merge to [0,20) (20 chars); gold [15,25) and [30,40) (20 chars); overlap [15,20) = 5.
        var (precision, recall) = CuadRetrievalEvaluator.CharacterOverlap([(0, 10), (5, 20)], [(15, 25), (30, 40)]);

        Assert.Equal(5.0 / 20, precision, 10);
        Assert.Equal(5.0 / 20, recall, 10);
        Assert.Equal((0.0, 0.0), CuadRetrievalEvaluator.CharacterOverlap([], [(0, 5)]));
        Assert.Equal((1.0, 1.0), CuadRetrievalEvaluator.CharacterOverlap([(3, 9)], [(3, 9)]));
    }
}
