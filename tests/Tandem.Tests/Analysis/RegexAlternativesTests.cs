using System.Text.RegularExpressions;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Tests.Support;

namespace Tandem.Tests.Analysis;

/// <summary>A long list of alternatives is matched one alternative at a time, with the same answer as the whole pattern.</summary>
public sealed class RegexAlternativesTests
{
    private const string Six = "(?i)alpha|beta|gamma|delta|epsilon|zeta";

    [Fact]
    public void Split_ManyAlternatives_EachKeepsTheLeadingOptions()
    {
        var parts = RegexAlternatives.Split(new PlaybookPattern(Six));

        Assert.Equal(["(?i)alpha", "(?i)beta", "(?i)gamma", "(?i)delta", "(?i)epsilon", "(?i)zeta"], parts.Select(p => p.ToString()));
        Assert.True(RegexAlternatives.IsMatch(new PlaybookPattern(Six), "the EPSILON clause"));
        Assert.False(RegexAlternatives.IsMatch(new PlaybookPattern(Six), "nothing here"));
    }

    [Theory]
    [InlineData(@"a|b|c|d|e|(f|g)", 6)]
    [InlineData(@"a|b|[|)(]|d|e|\||g", 7)]
    [InlineData(@"a|b|[]|]|d|e|f", 6)]
    [InlineData(@"a|b|[^]|]|d|e|f", 6)]
    [InlineData(@"(?<x>a|b)|c|d|e|f|(?<!g|h)i", 6)]
    [InlineData(@"a|b|c|d|e", 1)]
    [InlineData(@"(a)|b|c|d|e|\1", 1)]
    [InlineData(@"a|b|c|(?i)d|e|f", 1)]
    [InlineData(@"(?x) a | b | c | d | e | f", 1)]
    public void Split_TopLevelBarsOnly_AndNotWhenItCouldChangeTheMatch(string pattern, int parts) =>
        Assert.Equal(parts, RegexAlternatives.Split(new PlaybookPattern(pattern)).Length);

    [Fact]
    public void IsMatch_PastTheBudget_TimesOutAsTheWholePatternWould()
    {
        var slow = new PlaybookPattern(@"(a+)+$|b|c|d|e|f", RegexOptions.None, TimeSpan.FromMilliseconds(50));

        Assert.Throws<RegexMatchTimeoutException>(() => RegexAlternatives.IsMatch(slow, new string('a', 40) + "!"));
    }

    /// <summary>Every pattern of the shipped playbook, on every clause of the samples: split or whole, the same answer.</summary>
    [Fact]
    public void IsMatch_EveryShippedPattern_SameAnswerAsTheWholePatternOnEverySampleClause()
    {
        var playbook = PlaybookLoader.Load(RepositoryPaths.Playbook);
        var patterns = playbook.Patterns().ToList();
        var clauses = Directory.GetFiles(RepositoryPaths.Samples, "*.*").Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .SelectMany(f => new ClauseSegmenter().Segment(File.ReadAllText(f)).Clauses.Select(c => c.Text)).ToList();
        Assert.True(patterns.Count(p => RegexAlternatives.Split(p).Length > 1) >= 20, "few shipped patterns are long lists of alternatives");

        var differ = patterns.SelectMany(p => clauses.Where(c => RegexAlternatives.IsMatch(p, c) != p.Regex.IsMatch(c)).Select(c => $"{p.ToString()[..Math.Min(60, p.ToString().Length)]} on {c[..Math.Min(60, c.Length)]}")).ToList();

        Assert.Empty(differ);
    }
}
