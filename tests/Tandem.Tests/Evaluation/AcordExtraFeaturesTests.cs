using Tandem.Evaluation;

namespace Tandem.Tests.Evaluation;

public sealed class AcordExtraFeaturesTests
{
    [Fact]
    public void Parse_Empty_None()
    {
        var parsed = AcordExtraFeatures.Parse("");

        Assert.Empty(parsed.Groups);
        Assert.False(parsed.NeedsTokens);
    }

    [Fact]
    public void Parse_All_EveryGroupAndTokensNeeded()
    {
        var parsed = AcordExtraFeatures.Parse("all");

        Assert.Equal(AcordExtraFeatures.Names.Order(StringComparer.Ordinal), parsed.Groups.Order(StringComparer.Ordinal));
        Assert.True(parsed.NeedsTokens);
        Assert.True(parsed.NeedsQualifierVector);
    }

    [Fact]
    public void Parse_SomeGroupsWithSpaces_ThoseOnly()
    {
        var parsed = AcordExtraFeatures.Parse(" qualifier , polarity");

        Assert.True(parsed.Has(AcordExtraFeatures.Qualifier));
        Assert.True(parsed.Has(AcordExtraFeatures.Polarity));
        Assert.Equal(2, parsed.Groups.Count);
        Assert.False(parsed.NeedsTokens);
    }

    [Fact]
    public void Parse_UnknownGroup_OneLineErrorNamingTheValidOnes()
    {
        var ex = Assert.Throws<TandemException>(() => AcordExtraFeatures.Parse("qualifier,colbert"));

        Assert.Contains("'colbert'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("maxsim", ex.Hint, StringComparison.Ordinal);
    }
}
