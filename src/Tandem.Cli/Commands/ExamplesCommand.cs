using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Learning;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem examples import|list|export|review</c>: the training examples the learning loop builds datasets from.</summary>
internal static class ExamplesCommand
{
    public static Command Create(CommandRunner run) => new("examples", "Training examples: import, list, export, review") { Import(run), List(run), Export(run), Review(run) };

    private static Command Import(CommandRunner run)
    {
        var file = new Argument<string?>("file") { Description = "A JSON Lines file of examples", Arity = ArgumentArity.ZeroOrOne };
        var cuad = new Option<string?>("--cuad") { Description = "Import the gold clauses of a CUAD-style folder as curated public examples (admins and reviewers)" };
        var import = new Command("import", "Import examples from JSON Lines or a CUAD folder; exact duplicates are skipped, near duplicates marked") { file, cuad };
        import.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var examples = context.Get<ExampleService>();
            var (added, exact, near, pending) = (parse.GetValue(file), parse.GetValue(cuad)) switch
            {
                ({ } path, null) => await examples.ImportJsonLinesAsync(path, context.Caller, cancellationToken),
                (null, { } folder) => await examples.ImportCuadAsync(folder, context.Caller, cancellationToken),
                _ => throw new TandemException("give either a JSON Lines file or --cuad <folder>", "e.g. tandem examples import corrections.jsonl"),
            };
            await context.Output.WriteLineAsync($"imported {added} examples; {exact} exact duplicates skipped; {near} near duplicates marked for review" +
                (pending > 0 ? $"; {pending} curated examples stored as pending imports (only admins and reviewers import reviewed examples)" : string.Empty));
            return 0;
        }));
        return import;
    }

    private static Command List(CommandRunner run)
    {
        var category = new Option<string?>("--category") { Description = "Only this category" };
        var provenance = new Option<string?>("--provenance") { Description = "Only curated, correction, imported or synthetic" };
        var format = CliOptions.Format("text", "json");
        var list = new Command("list", "List examples") { category, provenance, format };
        list.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var examples = File.Exists(context.DatabasePath)
                ? await context.Get<ExampleService>().ListAsync(context.Caller, parse.GetValue(category), parse.GetValue(provenance), cancellationToken)
                : [];
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(examples, ReportJson.Options));
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Category", "Provenance", "Reviewed", "Near duplicate of", "Input");
            foreach (var e in examples.Take(200))
            {
                table.AddRow(e.Id, Markup.Escape(e.Category), e.Provenance, e.Reviewed ? "yes" : "no", e.NearDuplicateOf ?? "-", Markup.Escape(ReportText.Preview(e.Input, 80)));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} examples{(examples.Count > 200 ? " (first 200 shown)" : "")}"));
            return 0;
        }));
        return list;
    }

    private static Command Export(CommandRunner run)
    {
        var file = new Argument<string>("file") { Description = "JSON Lines file to write" };
        var export = new Command("export", "Write every example you may read as JSON Lines (the same shape import reads)") { file };
        export.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var examples = File.Exists(context.DatabasePath) ? await context.Get<ExampleService>().ListAsync(context.Caller, cancellationToken: cancellationToken) : [];
            var lines = examples.Select(e => JsonSerializer.Serialize(new
            {
                category = e.Category, input = e.Input, quote = e.Quote, severity = e.Severity, rationale = e.Rationale, provenance = e.Provenance,
                sources = e.SourceDocuments, access = e.Access, author = e.Author, reviewed = e.Reviewed,
            }));
            var target = Path.GetFullPath(parse.GetValue(file)!);
            await File.WriteAllLinesAsync(target + ".tmp", lines, cancellationToken);
            File.Move(target + ".tmp", target, overwrite: true);
            await context.Output.WriteLineAsync($"wrote {examples.Count} examples to {target}");
            return 0;
        }));
        return export;
    }

    private static Command Review(CommandRunner run)
    {
        var ids = new Argument<string[]>("id") { Description = "Example ids", Arity = ArgumentArity.ZeroOrMore };
        var report = new Option<string?>("--report") { Description = "Every pending correction of this report (instead of ids)" };
        var accept = new Option<bool>("--accept") { Description = "Accept (only reviewed examples train)" };
        var reject = new Option<bool>("--reject") { Description = "Reject and delete" };
        var review = new Command("review", "Accept or reject examples; who decided is kept in the review log") { ids, report, accept, reject };
        review.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if (parse.GetValue(accept) == parse.GetValue(reject))
            {
                throw new TandemException("give exactly one of --accept or --reject");
            }

            var chosen = (parse.GetValue(ids) ?? []).ToList();
            if (!File.Exists(context.DatabasePath))
            {
                // Nothing is stored yet, so nothing can be reviewed; answering must not create the store.
                throw parse.GetValue(report) is { } missing ? CorrectionRecorder.ReportNotFound(missing, context.Caller)
                    : chosen.Count > 0 ? NoExample(chosen) : NothingChosen();
            }

            if (parse.GetValue(report) is null && chosen.Count == 0)
            {
                throw NothingChosen();
            }

            var (done, unknown, refused) = await context.Get<ExampleService>().ReviewAsync(context.Caller, chosen, parse.GetValue(report), parse.GetValue(accept), cancellationToken);
            if (refused.Count > 0)
            {
                throw ExampleReview.Refusal(context.Caller, refused);
            }

            await context.Output.WriteLineAsync(done == 1 && chosen.Count == 1 && parse.GetValue(report) is null
                ? $"{chosen[0]} {(parse.GetValue(accept) ? "accepted" : "rejected and deleted")}"
                : $"{done} {(done == 1 ? "example" : "examples")} {(parse.GetValue(accept) ? "accepted" : "rejected and deleted")} by {context.Caller.UserId}");
            return unknown.Count == 0 ? 0 : throw NoExample(unknown);
        }));
        return review;
    }

    private static TandemException NothingChosen() => new("say which examples to review", "give example ids, or --report <report-id> for a report's pending corrections");

    private static TandemException NoExample(IEnumerable<string> ids) => new($"no example {string.Join(", ", ids)}", "see 'tandem examples list'");
}
