using System.Text.RegularExpressions;
using Tandem.Analysis;

namespace Tandem.Tests.Analysis;

/// <summary>The words a pattern needs: read from its syntax, never fewer texts may match than the regex engine says.</summary>
public sealed class RegexFactorsTests
{
    [Theory]
    [InlineData(@"\bemployees\b", "employees")]
    [InlineData(@"(?i)\b(solicit|hire)\w*", "solicit|hire")]
    [InlineData(@"(?i)\b(solicit|hire)\w*\b(?:[^.;]){0,80}\bemployees\b", "employees")]
    [InlineData(@"ab+c", "ab")]
    [InlineData(@"ab+cd", "bcd")]
    [InlineData(@"colou?r", "colo")]
    [InlineData(@"(?-i:ABC)d", "abc")]
    [InlineData(@"(?i)^(?=[\s\S]*\bterminat\w*)[\s\S]*?\bcease\b", "terminat")]
    [InlineData(@"^(?!.*\bbreach)\bnotice\b", "notice")]
    [InlineData(@"licen[cs]es?", "licen")]
    [InlineData(@"(\w)\1 and co", " and co")]
    [InlineData(@"\u0041\x42c\.d", "abc.d")]
    [InlineData(@"caf\u00e9s", "caf")]
    [InlineData(@"(?<name>sole)ly|(?'other'only)", "sole|only")]
    [InlineData(@"a(?#comment)b", "ab")]
    [InlineData(@"(?i)x{2,3}yz", "xyz")]
    [InlineData(@"\p{Lu}{2}fees", "fees")]
    [InlineData(@"(?<=\bthe\s)Term", "term")]
    public void Of_Pattern_TheWordsItNeeds(string pattern, string words) =>
        Assert.Equal(words.Split('|'), RegexFactors.Of(pattern, RegexOptions.None));

    [Theory]
    [InlineData(@"(abc)?")]
    [InlineData(@"abc|")]
    [InlineData(@"x*")]
    [InlineData(@"\w+\s+\d")]
    [InlineData(@"(?x) a b c")]
    [InlineData(@"a(?(b)c|d)")]
    [InlineData(@"abc)")]
    [InlineData(@"(abc")]
    [InlineData(@"[abc")]
    [InlineData(@"(?!abc)")]
    public void Of_NothingRequiredOrUnread_Null(string pattern) =>
        Assert.Null(RegexFactors.Of(pattern, RegexOptions.None));

    [Fact]
    public void Of_FreeSpacingOption_Null() =>
        Assert.Null(RegexFactors.Of("abc", RegexOptions.IgnorePatternWhitespace));

    /// <summary>Characters a case-insensitive pattern takes for an ASCII letter: the regex engine and the words agree.</summary>
    [Theory]
    [InlineData("(?i)kelvin", "\u212Aelvin")]
    [InlineData("(?i)solicit", "\u017Folicit")]
    [InlineData("(?i)insurance", "\u0130NSURANCE")]
    [InlineData("(?i)INSURANCE", "\u0131nsurance")]
    [InlineData("(?i)fees", "FEES")]
    [InlineData("fees", "FEES")]
    public void MayMatch_WheneverTheEngineMatches_True(string pattern, string text)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var words = RegexFactors.Of(pattern, RegexOptions.CultureInvariant);

        Assert.True(!regex.IsMatch(text) || RegexFactors.MayMatch(words, RegexFactors.Fold(text)));
    }

    [Fact]
    public void MayMatch_TextWithoutTheWords_False()
    {
        var words = RegexFactors.Of(@"(?i)\b(solicit|hire)\w*\b(?:[^.;]){0,80}\bemployees\b", RegexOptions.None);

        Assert.False(RegexFactors.MayMatch(words, RegexFactors.Fold("The Supplier shall not solicit the Customer's clients.")));
        Assert.True(RegexFactors.MayMatch(words, RegexFactors.Fold("Neither party shall hire the other's EMPLOYEES.")));
    }
}
