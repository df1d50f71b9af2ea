using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem search "&lt;query&gt;"</c>: BM25 over the clauses you may read.</summary>
internal static class SearchCommand
{
    public static Command Create(CommandRunner run)
    {
        var query = new Argument<string>("query") { Description = "Words to look for, e.g. \"limitation of liability\"" };
        var limit = new Option<int>("--limit", "-k") { Description = "Number of passages", DefaultValueFactory = _ => 10 };
        var format = CliOptions.Format("text", "json");
        var command = new Command("search", "Keyword (BM25) search over the knowledge base, filtered by your access") { query, limit, format };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var k = parse.GetValue(limit);
            if (k is < 1 or > 1000)
            {
                throw new TandemException($"--limit must be between 1 and 1000, not {k}");
            }

            var passages = await context.Store.SearchAsync(parse.GetValue(query)!, context.Caller, k, cancellationToken);
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(passages, ReportJson.Options));
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "Document", "Clause", "Span", "Score", "Text");
            for (var i = 0; i < passages.Count; i++)
            {
                var p = passages[i];
                table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape($"{p.DocumentTitle} v{p.Version}"), Markup.Escape(p.Path),
                    $"{p.Start}-{p.End}", p.Score.ToString("0.00", CultureInfo.InvariantCulture), Markup.Escape(ReportText.Preview(p.Text, 160)));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{passages.Count} passages");
            return 0;
        }));
        return command;
    }
}
