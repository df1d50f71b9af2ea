using System.CommandLine;
using Tandem.Analysis;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem analyze &lt;file&gt;</c>: ingest a contract and print its risk report.</summary>
internal static class AnalyzeCommand
{
    /// <summary>
    /// Starts reading the analyst the review will most likely use (the file named, else the shipped
    /// model: the registry's champion until one is promoted) while the options are read and the store
    /// is opened; the review takes it if the registry names the same file, and reads its own otherwise.
    /// </summary>
    public static void Preload(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        LocalAnalyst.Preload(CliOptions.ModelFile(parse) ?? LocalAnalyst.DefaultPath());
    }

    public static Command Create(CommandRunner run)
    {
        var file = new Argument<string>("file") { Description = "The contract (.txt .md .html .docx .pdf)" };
        var format = CliOptions.Format("text", "json", "md", "html");
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to this file instead of stdout" };
        var playbookPath = new Option<string?>("--playbook") { Description = "Playbook YAML (default: the shipped standard playbook)" };
        var modelPath = new Option<string?>("--model-file") { Description = "Local analyst model file (default: $TANDEM_MODEL, else the registry's champion: the shipped model until one is promoted)" };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Report only findings at least this confident (0-1); default: per-category thresholds" };
        var forParty = new Option<string?>("--for") { Description = "The party the review is for: a role (customer, provider, licensee, ...) or a name; default: the receiving side, named in the report" };
        var kind = new Option<string?>("--type") { Description = "The kind of contract, which decides the protections expected: " + string.Join(", ", ContractKinds.All.Select(k => k.Id)) + ", other; default: detected from the title" };
        kind.AcceptOnlyFromAmong([.. ContractKinds.All.Select(k => k.Id), "other"]);
        var noInfo = new Option<bool>("--no-info") { Description = "Leave out informational findings (parties, dates, governing law)" };
        var llm = new Option<string?>("--model") { Description = "Review with this configured LLM (see 'tandem models list') instead of the local analyst" };
        var strategy = new Option<string>("--strategy") { Description = "With --model: few-shot (base model), fine-tuned (short prompt), or a strategy YAML file", DefaultValueFactory = _ => "few-shot" };
        var settings = new Option<string?>("--settings") { Description = "With --model: appsettings.json that configures it" };
        var examplesPath = new Option<string?>("--examples") { Description = "With --model: worked examples (JSON Lines) for few-shot prompts (default: the shipped sample set)" };
        var command = new Command("analyze", "Review a contract clause by clause against the playbook")
        {
            file, format, output, playbookPath, modelPath, minConfidence, forParty, kind, noInfo, CliOptions.Access, llm, strategy, settings, examplesPath,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var confidence = parse.GetValue(minConfidence);
            if (confidence is < 0 or > 1)
            {
                throw new TandemException($"--min-confidence must be between 0 and 1, not {confidence}");
            }

            var request = new ReviewRequest
            {
                PlaybookPath = parse.GetValue(playbookPath),
                Options = new AnalysisOptions { MinConfidence = confidence, IncludeInfo = !parse.GetValue(noInfo), ForParty = parse.GetValue(forParty), ContractKind = parse.GetValue(kind) },
                ModelFile = CliOptions.ModelFile(parse),
                Model = parse.GetValue(llm),
                Strategy = parse.GetValue(strategy)!,
                ExamplesPath = parse.GetValue(examplesPath),
            };
            var access = context.ParseAccess(parse.GetValue(CliOptions.Access));
            var report = await context.WithStatusAsync("reading the contract", status =>
                context.Get<ReviewService>().ReviewFileAsync(parse.GetValue(file)!, access, request, context.Caller, new StatusProgress(status), cancellationToken));

            using var rendering = TandemTelemetry.Source.StartActivity("tandem.report.render");
            var target = parse.GetValue(output);
            var chosen = parse.GetValue(format);
            if (chosen == "text" && target is null)
            {
                TextReport.Write(context.Output, report, context.Width);
                return 0;
            }

            var rendered = chosen switch
            {
                "json" => ReportJson.Render(report),
                "md" => ReportMarkdown.Render(report),
                "html" => ReportHtml.Render(report),
                _ => RenderText(report),
            };
            if (target is null)
            {
                await context.Output.WriteAsync(rendered);
                return 0;
            }

            await WriteAtomicallyAsync(target, rendered, cancellationToken);
            await context.Output.WriteLineAsync($"wrote {target} ({report.Findings.Count} findings, {report.MissingProtections.Count} missing protections)");
            return 0;
        }));
        return command;
    }

    private static string RenderText(RiskReport report)
    {
        using var writer = new StringWriter();
        TextReport.Write(writer, report, 120);
        return writer.ToString();
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temp, content, cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TandemException($"cannot write {path} ({ex.Message.TrimEnd('.')})", "choose another --out path", ex);
        }
    }
}
