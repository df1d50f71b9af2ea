using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Documents;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem clauses &lt;file&gt;</c>: how Tandem reads and segments a file, without storing it.</summary>
internal static class ClausesCommand
{
    public static Command Create(CommandRunner run)
    {
        var file = new Argument<string>("file") { Description = "A contract file" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("clauses", "Show the clauses (path, kind, heading, span) Tandem finds in a file; stores nothing") { file, format };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var document = await context.Readers.ReadFileAsync(parse.GetValue(file)!, cancellationToken);
            var structure = new ClauseSegmenter().Segment(document.Text);
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(structure, ReportJson.Options));
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "Path", "Kind", "Heading", "Span", "Text");
            foreach (var c in structure.Clauses)
            {
                table.AddRow(c.Ordinal.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Path), c.Kind.ToString(),
                    Markup.Escape(c.Heading ?? string.Empty), $"{c.Start}-{c.End}", Markup.Escape(ReportText.Preview(c.Text, 60)));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{structure.Clauses.Count} clauses, {structure.DefinedTerms.Count} defined terms: {string.Join(", ", structure.DefinedTerms.Select(t => t.Term))}");
            return 0;
        }));
        return command;
    }
}
