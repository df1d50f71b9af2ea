using System.Diagnostics;
using System.Text;
using Tandem.Documents;

namespace Tandem.Tests.Documents;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\r\n\r\nb\r", "a\n\nb")]
    [InlineData("a\u2028b\u2029c\u0085d", "a\nb\nc\nd")]
    public void Normalize_LineEndings_BecomeLf(string input, string expected)
    {
        var actual = TextNormalizer.Normalize(input);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalize_TabsAndUnicodeSpaces_BecomeOrdinarySpaces()
    {
        var input = "a\tb\u00A0c\u2003d\u202Fe\u3000f\u2009g";

        var actual = TextNormalizer.Normalize(input);

        Assert.Equal("a b c d e f g", actual);
    }

    [Fact]
    public void Normalize_InvisibleAndControlCharacters_AreRemoved()
    {
        var input = "\uFEFFnon\u00ADcompete\u200B clause\u200D\u200E\u2060 \u0001\u0007\u001B\u007F\u009Fends";

        var actual = TextNormalizer.Normalize(input);

        Assert.Equal("noncompete clause ends", actual);
    }

    [Fact]
    public void Normalize_FormFeed_EndsTheLine()
    {
        var actual = TextNormalizer.Normalize("end of page 1\fstart of page 2");

        Assert.Equal("end of page 1\nstart of page 2", actual);
    }

    [Fact]
    public void Normalize_TrailingSpaces_AreTrimmedOnEveryLine()
    {
        var actual = TextNormalizer.Normalize("first  \t\nsecond\u00A0\n  indented ");

        Assert.Equal("first\nsecond\n  indented", actual);
    }

    [Fact]
    public void Normalize_RunsOfBlankLines_CollapseToOne()
    {
        var actual = TextNormalizer.Normalize("one\n\n\n\ntwo\n   \n \t \nthree\n\nfour");

        Assert.Equal("one\n\ntwo\n\nthree\n\nfour", actual);
    }

    [Fact]
    public void Normalize_LeadingAndTrailingBlankLines_AreRemoved()
    {
        var actual = TextNormalizer.Normalize("\n \n\r\nbody\n\n \n");

        Assert.Equal("body", actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n\u00A0\u200B")]
    public void Normalize_NothingVisible_ReturnsEmpty(string input)
    {
        var actual = TextNormalizer.Normalize(input);

        Assert.Equal(string.Empty, actual);
    }

    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00E9")]
    [InlineData("A\u030Angstr\u00F6m", "\u00C5ngstr\u00F6m")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u2126", "\u03A9")]
    [InlineData("s\u0323\u0307", "\u1E69")]
    [InlineData("s\u0307\u0323", "\u1E69")]
    [InlineData("a\u0301\u0328", "\u0105\u0301")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\u0958", "\u0915\u093C")]
    [InlineData("e\u0301\u0301", "\u00E9\u0301")]
    [InlineData("\uD834\uDD5E", "\uD834\uDD57\uD834\uDD65")]
    public void Normalize_NonComposedText_IsNfc(string input, string expected)
    {
        var actual = TextNormalizer.Normalize(input);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalize_CurlyQuotesDashesAndLigatures_AreKept()
    {
        var input = "\u201CAffiliate\u201D \u2018means\u2019 \u2013 \u2014 \u2026 \uFB01nal \u00A7 2.1 \u00BD";

        var actual = TextNormalizer.Normalize(input);

        Assert.Equal("\u201CAffiliate\u201D \u2018means\u2019 \u2013 \u2014 \u2026 \uFB01nal \u00A7 2.1 \u00BD", actual);
    }

    [Fact]
    public void Normalize_LoneSurrogate_BecomesReplacementCharacter()
    {
        var actual = TextNormalizer.Normalize("a\uD800b \uD83D\uDE00");

        Assert.Equal("a\uFFFDb \uD83D\uDE00", actual);
    }

    [Fact]
    public void Normalize_AlreadyNormalText_IsUnchanged()
    {
        const string input = "1. Definitions\n\n\u201CAgreement\u201D means this agreement.\n  (a) indented";

        var actual = TextNormalizer.Normalize(input);

        Assert.Equal(input, actual);
    }

    [Theory]
    [InlineData("  a \r\n\r\n\r\n b\u00A0\u200B\t\n\nCafe\u0301\n")]
    [InlineData("\u1100\u1161 x\u0323\u0307 \f\u2028y")]
    public void Normalize_Twice_SameAsOnce(string input)
    {
        var once = TextNormalizer.Normalize(input);

        var twice = TextNormalizer.Normalize(once);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Normalize_LargeContract_IsFast()
    {
        var paragraph = "12.3 The Supplier shall indemnify\u00A0the Customer against \u201Closses\u201D \u2013 including fees.  \r\n\r\n\r\n";
        var builder = new StringBuilder();
        while (builder.Length < 300_000)
        {
            builder.Append(paragraph);
        }

        var text = builder.ToString();
        TextNormalizer.Normalize(text);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            TextNormalizer.Normalize(text);
        }

        watch.Stop();

        // 20 x 300 KB; a per-character regex pipeline would take seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
