using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Models;
using Tandem.Reporting;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem search "&lt;query&gt;" [--mode bm25|dense|hybrid[:w]]</c> over the clauses you may read.
/// BM25 asks the store's FTS5 index; dense and hybrid embed the query and scan the vectors that
/// <c>tandem ingest</c>/<c>sync</c> stored for your readable clauses (<see cref="KnowledgeBaseSearch"/>).
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CommandRunner run)
    {
        var query = new Argument<string>("query") { Description = "Words to look for, e.g. \"limitation of liability\"" };
        var limit = new Option<int>("--limit", "-k") { Description = "Number of passages", DefaultValueFactory = _ => 10 };
        var format = CliOptions.Format("text", "json");
        var mode = new Option<string>("--mode")
        {
            Description = "bm25 (the store's FTS5 index), dense (the clauses' stored all-MiniLM-L6-v2 vectors), hybrid (BM25 + dense, RRF) or hybrid:<dense weight>",
            DefaultValueFactory = _ => "bm25",
            HelpName = "bm25|dense|hybrid|hybrid:<w>",
        };
        var embeddingModel = new Option<string?>("--embedding-model") { Description = "With dense/hybrid: a configured remote embedding model instead of the local MiniLM (clauses it has not embedded yet are embedded first, once)" };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures --embedding-model" };
        var command = new Command("search", "Search the knowledge base (BM25, dense or hybrid), filtered by your access") { query, limit, mode, format, embeddingModel, settings };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var k = parse.GetValue(limit);
            if (k is < 1 or > 1000)
            {
                throw new TandemException($"--limit must be between 1 and 1000, not {k}");
            }

            var config = RetrievalConfig.Parse(parse.GetValue(mode)!);
            var text = parse.GetValue(query)!;
            IReadOnlyList<Passage> passages;
            if (config.UsesDense)
            {
                var endpoint = parse.GetValue(embeddingModel) is { } name ? ModelCatalog.Load(parse.GetValue(settings)).Get(name) : null;
                using var remote = endpoint is null ? null : ChatClients.CreateEmbeddingGenerator(endpoint);
                try
                {
                    if (remote is not null)
                    {
                        // A remote model's vectors are made on first use and stored like the local model's.
                        await new ClauseEmbedder(context.Get<IClauseVectorStore>(), remote).EmbedMissingAsync(cancellationToken: cancellationToken);
                    }

                    var hits = await context.Get<KnowledgeBaseSearch>().SearchAsync(text, context.Caller, config,
                        remote ?? context.Get<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(), k, cancellationToken);
                    passages = hits.Passages;
                    if (hits.Unembedded > 0)
                    {
                        await context.Error.WriteLineAsync($"note: {hits.Unembedded} of the clauses you may read have no vector yet and were searched by BM25 only; tandem ingest or sync embeds them");
                    }
                }
                catch (Exception e) when (endpoint is not null && ChatClients.Describe(e, endpoint) is { } described)
                {
                    throw described;
                }
            }
            else
            {
                passages = await context.Store.SearchAsync(text, context.Caller, k, cancellationToken);
            }

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
