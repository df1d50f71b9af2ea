using Tandem.Retrieval;

namespace Tandem.Tests.Retrieval;

public sealed class LateInteractionTests
{
    [Fact]
    public void MaxSim_EachQueryTokenTakesItsBestPassageToken_MeanOfTheBest()
    {
        // Query tokens x and y; passage tokens y, (x+y)/√2 and -x: x's best is 0.707, y's best is 1.
        float[] query = [1, 0, 0, 1];
        var h = MathF.Sqrt(0.5f);
        float[] passage = [0, 1, h, h, -1, 0];

        var score = LateInteraction.MaxSim(query, passage, 2);

        Assert.Equal((h + 1f) / 2f, score, 5);
    }

    [Fact]
    public void MaxSim_PassageTokenOrderAndRepeats_SameScore()
    {
        float[] query = [0.6f, 0.8f, 1, 0];
        float[] passage = [0, 1, 1, 0, 0.8f, 0.6f];
        float[] shuffled = [0.8f, 0.6f, 0, 1, 1, 0, 0, 1];

        Assert.Equal(LateInteraction.MaxSim(query, passage, 2), LateInteraction.MaxSim(query, shuffled, 2), 6);
    }

    [Fact]
    public void MaxSim_EveryPassageTokenPointsAway_BestNegativeKept()
    {
        // A floor at 0 would tie this passage with one that merely says nothing related.
        float[] query = [1, 0];
        float[] passage = [-1, 0, -0.6f, -0.8f];

        Assert.Equal(-0.6f, LateInteraction.MaxSim(query, passage, 2), 6);
    }

    [Fact]
    public void MaxSim_NoTokensOnEitherSide_Zero()
    {
        Assert.Equal(0f, LateInteraction.MaxSim([], [1, 0], 2));
        Assert.Equal(0f, LateInteraction.MaxSim([1, 0], [], 2));
    }

    [Fact]
    public void MaxSim_RaggedRows_Throws() =>
        Assert.Throws<ArgumentException>(() => LateInteraction.MaxSim([1, 0, 0], [1, 0], 2));
}
