using Spectre.Console;

namespace Tandem.Cli;

/// <summary>Spectre consoles over a writer: coloured for a terminal, plain text for files, pipes and tests.</summary>
internal static class CliConsole
{
    /// <summary>A console writing to <paramref name="output"/>; a fixed <paramref name="width"/> makes output reproducible.</summary>
    public static IAnsiConsole Create(TextWriter output, bool colours, int? width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colours ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colours ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (width is not null)
        {
            console.Profile.Width = width.Value;
        }

        return console;
    }
}
