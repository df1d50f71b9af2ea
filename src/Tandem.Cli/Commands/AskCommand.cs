using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Tandem.Analysis;
using Tandem.Economics;
using Tandem.Models;
using Tandem.Reporting;
using Tandem.Retrieval;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem ask "&lt;question&gt;" [--model &lt;name&gt;]</c>: an answer over the documents you may
/// read, with verified numbered citations. The same <see cref="GroundedAnswerer"/> as the server's
/// <c>/v1/chat/completions</c>, over the stored knowledge base (hybrid: BM25 and stored vectors);
/// without <c>--model</c>, the built-in extractive answer, offline.
/// </summary>
internal static class AskCommand
{
    public static Command Create(CommandRunner run)
    {
        var question = new Argument<string>("question") { Description = "What to ask, e.g. \"What is the supplier's liability cap?\"" };
        var model = new Option<string?>("--model")
        {
            Description = $"A configured LLM (see 'tandem models list'); without it, the built-in '{GroundedAnswerer.ExtractiveModel}' quotes the best passages",
        };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures the model" };
        var limit = new Option<int>("--limit", "-k") { Description = "Passages retrieved for the answer", DefaultValueFactory = _ => 8 };
        var format = CliOptions.Format("text", "json");
        var command = new Command("ask", "Answer a question over the knowledge base with numbered, verified citations") { question, model, settings, limit, format };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var k = parse.GetValue(limit);
            if (k is < 1 or > 50)
            {
                throw new TandemException($"--limit must be between 1 and 50, not {k}");
            }

            var endpoint = parse.GetValue(model) is { } name && name != GroundedAnswerer.ExtractiveModel ? ModelCatalog.Load(parse.GetValue(settings)).Get(name) : null;
            using var client = endpoint is null ? null : ChatClients.Create(endpoint, context.Ledger, PriceBook.Default(), "ask");
            var retriever = context.Get<KnowledgeBaseSearch>().Hybrid(context.Get<IEmbeddingGenerator<string, Embedding<float>>>());
            var answerer = new GroundedAnswerer(retriever) { Passages = k, ExtractiveQuotes = Math.Min(3, k) };
            var json = parse.GetValue(format) == "json";
            var text = new System.Text.StringBuilder();
            var sources = new List<AnswerSource>();
            try
            {
                await foreach (var update in answerer.StreamAsync(parse.GetValue(question)!, context.Caller, client, cancellationToken))
                {
                    // Each line arrives checked: its [n] marks are verified quotes, or it says [unverified].
                    text.Append(update.Text);
                    sources.AddRange(update.NewSources);
                    if (!json)
                    {
                        await context.Output.WriteAsync(update.Text);
                    }
                }
            }
            catch (Exception e) when (endpoint is not null && ChatClients.Describe(e, endpoint) is { } described)
            {
                throw described;
            }

            var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unverified = lines.Count(l => l.EndsWith("[unverified]", StringComparison.Ordinal));
            if (json)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    model = endpoint?.Name ?? GroundedAnswerer.ExtractiveModel,
                    answer = text.ToString().TrimEnd(),
                    sentences = lines.Length,
                    unverified,
                    sources = sources.Select(s => new { s.Number, s.DocumentId, s.DocumentTitle, s.Version, s.Path, s.ClauseId, s.Start, s.End, s.Quote }),
                }, ReportJson.Options));
                return 0;
            }

            if (text.Length > 0 && text[^1] != '\n')
            {
                await context.Output.WriteLineAsync(); // "nothing to answer from" is one line without its end
            }

            if (sources.Count == 0 && unverified == 0)
            {
                return 0; // "nothing to answer from", or a model that said the passages do not answer
            }

            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync("Sources:");
            foreach (var s in sources)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{s.Number}] {s.DocumentTitle} v{s.Version}, clause {s.Path}: \"{s.Quote}\""));
            }

            await context.Output.WriteLineAsync(unverified == 0
                ? "Every sentence is backed by a verified quote."
                : $"{unverified} of {lines.Length} sentences could not be verified against the passages.");
            return 0;
        }));
        return command;
    }
}
