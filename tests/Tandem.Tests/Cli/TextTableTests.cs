using Tandem.Cli;

namespace Tandem.Tests.Cli;

/// <summary>The report's findings table: fitted to the width, wrapping at spaces, measuring wide characters as two columns.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void Write_NarrowWidth_WrapsTheWrappingColumnsAndFits()
    {
        var table = new TextTable().Column("#").Column("Category", wraps: true).Column("Conf.", rightAligned: true).Column("Quote", wraps: true)
            .Row("1", "Termination for Convenience", "0.93", "Provider may terminate this Agreement for convenience on thirty days' notice.")
            .Row("12", "Cap", "1.00", "Short.");

        var lines = Render(table, 50, "Findings (2)");

        Assert.Equal("Findings (2)", lines[0].Trim());
        Assert.All(lines.Skip(1), line => Assert.Equal(50, TextTable.DisplayWidth(line)));
        Assert.StartsWith("╭", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("╰", lines[^1], StringComparison.Ordinal);
        var quote = string.Join(" ", lines.Skip(4).Where(l => l.StartsWith('│')).Select(l => l.Split('│')[4].Trim()).Where(c => c.Length > 0));
        Assert.Contains("Provider may terminate this Agreement for convenience on thirty days' notice. Short.", quote, StringComparison.Ordinal);
        Assert.Contains("│  0.93 │", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WideEnough_OneLinePerRowAtNaturalWidths()
    {
        var table = new TextTable().Column("A").Column("B", wraps: true).Row("x", "two words");

        var lines = Render(table, 200);

        Assert.Equal(["╭───┬───────────╮", "│ A │ B         │", "├───┼───────────┤", "│ x │ two words │", "╰───┴───────────╯"], lines);
    }

    [Theory]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("a bb ccc dddd", 6, new[] { "a bb", "ccc", "dddd" })]
    [InlineData("", 5, new[] { "" })]
    [InlineData("契約書の条項", 5, new[] { "契約", "書の", "条項" })]
    public void Wrap_CutsAtSpacesAndLongWordsByColumns(string text, int width, string[] expected) =>
        Assert.Equal(expected, TextTable.Wrap(text, width));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("契約", 4)]
    [InlineData("e\u0301", 1)]
    public void DisplayWidth_CountsTerminalColumns(string text, int expected) => Assert.Equal(expected, TextTable.DisplayWidth(text));

    [Fact]
    public void Write_ControlCharactersInACell_BecomeSpacesAndTheBoxHolds()
    {
        var lines = Render(new TextTable().Column("A").Row("a\tb\r\nc\u001b[31m"), 80);

        Assert.Equal("│ a b c [31m  │", lines[3]);
        Assert.All(lines, line => Assert.Equal(TextTable.DisplayWidth(lines[0]), TextTable.DisplayWidth(line)));
    }

    [Fact]
    public void Row_WrongNumberOfCells_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextTable().Column("A").Column("B").Row("only one"));

    private static string[] Render(TextTable table, int width, string? title = null)
    {
        using var writer = new StringWriter();
        table.Write(writer, width, title);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }
}
