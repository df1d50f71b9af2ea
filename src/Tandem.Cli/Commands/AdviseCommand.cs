using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Economics;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem advise</c>: retrieval, fine-tuning, both or neither, with the reasons.</summary>
internal static class AdviseCommand
{
    public static Command Create(CommandRunner run)
    {
        var answers = new Option<string?>("--answers") { Description = "Answers as YAML (see samples/advisor/)" };
        var changes = new Option<string?>("--changes") { Description = "How often the knowledge changes: never, rarely, quarterly, monthly, weekly, daily" };
        var citations = new Option<bool?>("--citations") { Description = "Answers must cite their sources (true/false)" };
        var large = new Option<bool?>("--large-data") { Description = "The data is too large to put in training examples" };
        var access = new Option<bool?>("--per-user-access") { Description = "Access must be controlled per user or document" };
        var format = new Option<bool?>("--output-format") { Description = "A specific output format or style must be learned" };
        var reasoning = new Option<bool?>("--domain-reasoning") { Description = "There are domain reasoning patterns prompting cannot capture" };
        var latency = new Option<bool?>("--latency-critical") { Description = "Latency rules out a retrieval step" };
        var terms = new Option<bool?>("--misunderstands-terms") { Description = "The base model keeps misunderstanding domain terms" };
        var output = CliOptions.Format("text", "json");
        var command = new Command("advise", "Should this system use retrieval, fine-tuning, both or neither? (asks, or reads --answers / flags)")
        {
            answers, changes, citations, large, access, format, reasoning, latency, terms, output,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var given = parse.GetValue(answers) is { } path ? AdvisorAnswersLoader.Load(path) : new AdvisorAnswers();
            given = given with
            {
                KnowledgeChanges = AdvisorAnswersLoader.ParseChange(parse.GetValue(changes), "--changes") ?? given.KnowledgeChanges,
                CitationsRequired = parse.GetValue(citations) ?? given.CitationsRequired,
                DataTooLargeForTraining = parse.GetValue(large) ?? given.DataTooLargeForTraining,
                PerUserAccess = parse.GetValue(access) ?? given.PerUserAccess,
                FixedOutputFormat = parse.GetValue(format) ?? given.FixedOutputFormat,
                DomainReasoning = parse.GetValue(reasoning) ?? given.DomainReasoning,
                LatencyRulesOutRetrieval = parse.GetValue(latency) ?? given.LatencyRulesOutRetrieval,
                MisunderstandsTerms = parse.GetValue(terms) ?? given.MisunderstandsTerms,
            };
            if (given == new AdvisorAnswers())
            {
                given = context.Interactive && !Console.IsInputRedirected
                    ? Ask()
                    : throw new TandemException("no answers given", "pass --answers <file.yaml> (see samples/advisor/) or flags such as --changes weekly --citations true, or run it in a terminal to be asked");
            }

            // Only measure a store that exists; advising must not create one.
            var advice = await context.Get<AdviceService>().AdviseAsync(given, context.Caller, File.Exists(context.DatabasePath), cancellationToken);
            if (parse.GetValue(output) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(advice, ReportJson.Options));
                return 0;
            }

            Write(context.Console, advice);
            return 0;
        }));
        return command;
    }

    private static AdvisorAnswers Ask()
    {
        var console = AnsiConsole.Console;
        bool Confirm(string question) => console.Prompt(new ConfirmationPrompt(question) { DefaultValue = false });
        return new AdvisorAnswers
        {
            KnowledgeChanges = console.Prompt(new SelectionPrompt<KnowledgeChange>().Title("How often does the knowledge change?")
                .AddChoices(Enum.GetValues<KnowledgeChange>().OrderByDescending(v => v))),
            CitationsRequired = Confirm("Must answers cite their sources?"),
            DataTooLargeForTraining = Confirm("Is the data too large to put into training examples?"),
            PerUserAccess = Confirm("Must access be controlled per user or per document?"),
            FixedOutputFormat = Confirm("Must a specific output format or style be learned?"),
            DomainReasoning = Confirm("Are there domain reasoning patterns that prompting cannot capture?"),
            LatencyRulesOutRetrieval = Confirm("Does latency rule out a retrieval step?"),
            MisunderstandsTerms = Confirm("Does the base model keep misunderstanding domain terms?"),
        };
    }

    private static void Write(IAnsiConsole console, Advice advice)
    {
        var label = advice.Recommendation switch
        {
            Approach.Both => "BOTH retrieval and fine-tuning",
            Approach.Retrieval => "RETRIEVAL (no fine-tuning)",
            Approach.FineTuning => "FINE-TUNING (no retrieval)",
            _ => "NEITHER: a base model with a good prompt",
        };
        console.WriteLine($"Recommendation: {label} (retrieval score {advice.RetrievalScore}, fine-tuning score {advice.FineTuningScore}; {DecisionAdvisor.Threshold} or more recommends)");
        console.WriteLine();
        var table = new Table().Border(TableBorder.Simple).AddColumns("Criterion", "Answer", "Source", "Favours", "Weight", "Why");
        foreach (var c in advice.Criteria)
        {
            table.AddRow(Markup.Escape(c.Criterion), Markup.Escape(c.Value), Markup.Escape(c.Source),
                c.Weight == 0 ? "-" : c.Favours == Approach.FineTuning ? "fine-tuning" : "retrieval",
                c.Weight.ToString("+0;-0;0", CultureInfo.InvariantCulture), Markup.Escape(c.Reason));
        }

        console.Write(table);
        Section(console, "Risks", advice.Risks);
        Section(console, "Next steps in Tandem", advice.NextSteps);
        Section(console, "Measured by Tandem", advice.Evidence);
    }

    private static void Section(IAnsiConsole console, string title, IReadOnlyList<string> lines)
    {
        console.WriteLine();
        console.WriteLine(title + ":");
        foreach (var line in lines)
        {
            console.WriteLine(" - " + line);
        }
    }
}
