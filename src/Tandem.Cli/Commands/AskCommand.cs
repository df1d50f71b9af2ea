using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tandem.Analysis;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem ask "&lt;question&gt;" --model &lt;name&gt;</c>: an answer over the documents you may read, with verified numbered citations.</summary>
internal static class AskCommand
{
    public static Command Create(CommandRunner run)
    {
        var question = new Argument<string>("question") { Description = "What to ask, e.g. \"What is the supplier's liability cap?\"" };
        var model = new Option<string>("--model") { Description = "The configured LLM (see 'tandem models list')", Required = true };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures the model" };
        var limit = new Option<int>("--limit", "-k") { Description = "Passages given to the model", DefaultValueFactory = _ => 8 };
        var format = CliOptions.Format("text", "json");
        var stream = new Option<bool>("--stream") { Description = "Show the answer as it is written, then check its citations" };
        var command = new Command("ask", "Answer a question over the knowledge base with numbered, verified citations") { question, model, settings, limit, format, stream };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var k = parse.GetValue(limit);
            if (k is < 1 or > 50)
            {
                throw new TandemException($"--limit must be between 1 and 50, not {k}");
            }

            var streaming = parse.GetValue(stream);
            if (streaming && parse.GetValue(format) == "json")
            {
                throw new TandemException("--stream shows text as it arrives and cannot be combined with --format json", "drop one of them");
            }

            var endpoint = ModelCatalog.Load(parse.GetValue(settings)).Get(parse.GetValue(model)!);
            using var client = ChatClients.Create(endpoint, context.Ledger, PriceBook.Default(), "ask");
            IReadOnlyList<AnsweredSentence> sentences;
            IReadOnlyList<Store.Passage> passages;
            try
            {
                var answerer = new KnowledgeBaseAnswerer(context.Store, client) { Passages = k };
                (sentences, passages) = streaming
                    ? await answerer.AskStreamingAsync(parse.GetValue(question)!, context.Caller, piece => context.Output.WriteAsync(piece), cancellationToken)
                    : await answerer.AskAsync(parse.GetValue(question)!, context.Caller, cancellationToken);
            }
            catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
            {
                throw described;
            }

            // Sources are numbered in order of first verified use.
            var sources = sentences.SelectMany(s => s.Citations).Where(c => c.IsVerified).Select(c => c.Passage!).DistinctBy(p => p.ClauseId).ToList();
            string Marks(AnsweredSentence s) => string.Concat(s.Citations.Where(c => c.IsVerified).Select(c => $"[{sources.FindIndex(p => p.ClauseId == c.Passage!.ClauseId) + 1}]").Distinct());
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    sentences = sentences.Select(s => new { s.Text, s.Verified, citations = s.Citations.Select(c => new { c.Citation.Quote, status = c.Status.ToString(), c.Passage?.ClauseId, c.VerbatimQuote }) }),
                    sources = sources.Select((p, i) => new { number = i + 1, p.DocumentId, p.DocumentTitle, p.Version, p.Path, p.ClauseId }),
                }, ReportJson.Options));
                return 0;
            }

            if (passages.Count == 0)
            {
                await context.Output.WriteLineAsync("No passage you may read matches the question, so there is nothing to answer from.");
                return 0;
            }

            if (streaming)
            {
                await context.Output.WriteLineAsync();
                await context.Output.WriteLineAsync();
                await context.Output.WriteLineAsync("Checked:");
            }

            foreach (var s in sentences)
            {
                await context.Output.WriteLineAsync(s.Verified ? $"{s.Text} {Marks(s)}" : $"{s.Text} [unverified]");
            }

            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync("Sources:");
            foreach (var (p, i) in sources.Select((p, i) => (p, i)))
            {
                var quotes = sentences.SelectMany(s => s.Citations).Where(c => c.IsVerified && c.Passage!.ClauseId == p.ClauseId).Select(c => c.VerbatimQuote).Distinct();
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{i + 1}] {p.DocumentTitle} v{p.Version}, clause {p.Path}: \"{string.Join("\" … \"", quotes)}\""));
            }

            var unverified = sentences.Count(s => !s.Verified);
            await context.Output.WriteLineAsync(unverified == 0 ? "Every sentence is backed by a verified quote." : $"{unverified} of {sentences.Count} sentences could not be verified against the passages.");
            return 0;
        }));
        return command;
    }
}
