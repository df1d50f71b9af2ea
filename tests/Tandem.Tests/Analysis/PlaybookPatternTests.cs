using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>Playbook patterns are built when a text first needs them, or ahead of a review while its analyst loads.</summary>
public sealed class PlaybookPatternTests
{
    private static (Playbook Playbook, PlaybookRule Rule) OneRule()
    {
        var rule = new PlaybookRule("Cap on Liability", true, null, Severity.Info, null, Severity.Medium, null,
            [new DeviationSignal("Uncapped", new PlaybookPattern(@"(?i)\bunlimited\b"), null, Severity.High, null)])
        {
            Detect = new PlaybookPattern(@"(?i)\bshall\s+not\s+exceed\b"),
        };
        return (new Playbook("test", "1", null, [rule]), rule);
    }

    [Fact]
    public void Prepare_WhileWaiting_BuildsOnlyThePatternsWhoseWordsTheTextHas()
    {
        var (playbook, rule) = OneRule();

        var built = playbook.Prepare("The Supplier's liability shall not exceed the fees paid.", until: new TaskCompletionSource().Task);

        Assert.Equal(1, built);
        Assert.True(rule.Detect!.IsBuilt);
        Assert.False(rule.Deviations[0].Pattern!.IsBuilt);
    }

    [Fact]
    public void Prepare_WaitAlreadyOver_BuildsNothing()
    {
        var (playbook, rule) = OneRule();

        Assert.Equal(0, playbook.Prepare("liability shall not exceed; unlimited", until: Task.CompletedTask));
        Assert.False(rule.Detect!.IsBuilt);
    }

    [Fact]
    public void IsMatch_Unbuilt_BuildsOnFirstNeedAndMatches()
    {
        var pattern = new PlaybookPattern(@"(?i)\bunlimited\b");

        Assert.False(pattern.IsMatch("no cap at all"));
        Assert.False(pattern.IsBuilt);
        Assert.True(pattern.IsMatch("Liability is UNLIMITED."));
        Assert.True(pattern.IsBuilt);
    }

    [Fact]
    public void Regex_InvalidAndNeverChecked_OneLineError()
    {
        var pattern = new PlaybookPattern(@"(?i)\bunlimited(");

        var ex = Assert.Throws<TandemException>(() => pattern.IsMatch("unlimited"));

        Assert.Contains("not a valid regular expression", ex.Message, StringComparison.Ordinal);
    }
}
