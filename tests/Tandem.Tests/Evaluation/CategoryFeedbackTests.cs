using Tandem.Retrieval;

namespace Tandem.Tests.Evaluation;

public sealed class CategoryFeedbackTests
{
    [Fact]
    public void Similarity_PassageOfTheTopHitsCategory_ScoresAboveAnotherCategory()
    {
        var profile = CategoryFeedback.Profile([[0.9f, 0.1f, 0f], [0.7f, 0.2f, 0.1f]], 3);

        var sameCategory = CategoryFeedback.Similarity(profile, [0.8f, 0.1f, 0f]);
        var otherCategory = CategoryFeedback.Similarity(profile, [0.05f, 0.1f, 0.9f]);

        Assert.True(sameCategory > 0.95f, $"same category {sameCategory}");
        Assert.True(otherCategory < 0.3f, $"other category {otherCategory}");
    }

    [Fact]
    public void Profile_NoHits_AllZerosAndSimilarityZero()
    {
        var profile = CategoryFeedback.Profile([], 2);

        Assert.Equal([0f, 0f], profile);
        Assert.Equal(0f, CategoryFeedback.Similarity(profile, [0.5f, 0.5f]));
        Assert.Equal(0f, CategoryFeedback.Similarity([1f, 0f], [0f, 0f]));
    }
}
