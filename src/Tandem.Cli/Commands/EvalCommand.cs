using Microsoft.Extensions.AI;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Evaluation;
using Tandem.Store;
using Tandem.Learning;
using Tandem.Prompting;
using Tandem.Reporting;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem eval cuad --data &lt;dir&gt; [--folds 5] [--compare ...] [--retrieval]</c> and
/// <c>tandem eval acord</c>: scores on the benchmark data, as a table, JSON and a Markdown report;
/// <c>tandem eval review --key &lt;answers.json&gt; --contracts &lt;dir&gt;</c>: reviews scored against an answer key.
/// </summary>
internal static class EvalCommand
{
    /// <summary>Writes the result as JSON to --out if given; prints it and returns true when --format json.</summary>
    private static async Task<bool> WriteJsonAsync<T>(CliContext context, T result, string format, string? output, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(result, ReportJson.Options);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, json, cancellationToken);
        }

        if (format != "json")
        {
            return false;
        }

        await context.Output.WriteLineAsync(json);
        return true;
    }

    private static async Task<int> WriteRetrievalAsync(CliContext context, string format, string? output, CuadRetrievalEvaluation result, CancellationToken cancellationToken)
    {
        if (await WriteJsonAsync(context, result, format, output, cancellationToken))
        {
            return 0;
        }

        var us = CultureInfo.InvariantCulture;
        context.Console.WriteLine($"CUAD retrieval (within each contract): {result.Queries} contract-category queries with located annotations; {result.Elapsed.TotalSeconds.ToString("0", us)} s");
        var table = new Table().Border(TableBorder.Simple).AddColumns("Config", "k", "Char precision", "Char recall");
        foreach (var s in result.Scores)
        {
            table.AddRow(Markup.Escape(s.Config), s.K.ToString(us), s.Precision.ToString("0.000", us), s.Recall.ToString("0.000", us));
        }

        context.Console.Write(table);
        return 0;
    }

    private static Command Acord(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder in BEIR layout (corpus.jsonl, queries.jsonl, qrels/<split>.tsv)", Required = true };
        var split = CliOptions.OneOf(new Option<string>("--split")
        {
            Description = "Which judgements to score: qrels/<split>.tsv (the development data has train and valid; test is kept back)",
            DefaultValueFactory = _ => "train",
        }, "train", "valid", "test");
        var compare = new Option<string>("--compare", "--config") { Description = "Comma-separated configurations: bm25, dense, hybrid, hybrid:<dense weight>, rerank (learned on the train split), tuned (MiniLM with its last layer fine-tuned on the train split), rerank-tuned (the reranker over the tuned vectors)", DefaultValueFactory = _ => "bm25,dense,hybrid" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var acordReport = new Option<string?>("--report") { Description = "Write a Markdown report with a PNG chart into this folder" };
        var format = CliOptions.Format("text", "json");
        // For measuring the reranker over several query-to-fold assignments; not part of the documented interface.
        var foldSalt = new Option<string>("--fold-salt") { Description = "Reassign train queries to cross-validation folds", DefaultValueFactory = _ => "", Hidden = true };
        var adapterData = new Option<string?>("--adapter-data") { Description = "CUAD folder the adapter feature group learns from", Hidden = true };
        var tuneData = new Option<string?>("--tune-data") { Description = "CUAD folder whose annotated clauses the tuned configurations also learn from (e.g. ../shared/data/cuad-dev)" };
        var rerankFeatures = new Option<string>("--rerank-features") { Description = "Feature groups the reranker adds: " + string.Join(", ", AcordExtraFeatures.Names) + ", all", DefaultValueFactory = _ => "", Hidden = true };
        var command = new Command("acord", "Score clause retrieval on ACORD: NDCG@5/10 and 3-5 star precision@5, in the judged pool and the whole corpus")
        {
            data, split, compare, output, acordReport, format, foldSalt, rerankFeatures, adapterData, tuneData,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var extras = AcordExtraFeatures.Parse(parse.GetValue(rerankFeatures));
            var dataset = AcordDataset.Load(parse.GetValue(data)!, parse.GetValue(split)!);
            var configs = parse.GetValue(compare)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var training = configs.Any(AcordEvaluator.LearnsFromJudgements) ? AcordDataset.Load(parse.GetValue(data)!, "train").Queries : [];
            LocalAnalyst? categoryModel = null;
            if (configs.Any(c => c is "rerank" or AcordEvaluator.RerankTuned))
            {
                if (File.Exists(LocalAnalyst.DefaultPath()))
                {
                    categoryModel = LocalAnalyst.Load(LocalAnalyst.DefaultPath());
                }
                else
                {
                    await context.Error.WriteLineAsync($"no local analyst at {LocalAnalyst.DefaultPath()}: rerank runs without the clause-category feature");
                }
            }

            // The corpus's vectors are kept in the store like any clause's, so only the first run embeds them.
            var evaluator = new AcordEvaluator
            {
                Embeddings = context.Get<IEmbeddingGenerator<string, Embedding<float>>>(),
                Vectors = context.Get<IClauseVectorStore>(),
                RerankerTrainingQueries = training,
                CategoryModel = categoryModel,
                FoldSalt = parse.GetValue(foldSalt)!,
                RerankExtras = extras,
                AdapterData = parse.GetValue(adapterData),
                TuningData = parse.GetValue(tuneData),
            };
            var result = await context.WithProgressAsync("eval acord", progress => evaluator.EvaluateAsync(dataset, configs, progress, cancellationToken));
            if (parse.GetValue(acordReport) is { } reportFolder)
            {
                await context.Error.WriteLineAsync("wrote " + EvalReport.WriteAcord(result, reportFolder));
            }

            if (await WriteJsonAsync(context, result, parse.GetValue(format)!, parse.GetValue(output), cancellationToken))
            {
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            context.Console.WriteLine($"ACORD {result.Split}: {result.Queries} queries, {result.CorpusSize} clauses; corpus and queries embedded (or read from the store) in {result.Embedding.TotalSeconds.ToString("0.0", us)} s; total {result.Elapsed.TotalSeconds.ToString("0.0", us)} s");
            var table = new Table().Border(TableBorder.Simple).AddColumns("Config", "Scope", "NDCG@5", "NDCG@10", "P@5 3+ stars", "P@5 4+ stars", "P@5 5 stars");
            foreach (var s in result.Scores)
            {
                table.AddRow(Markup.Escape(s.Config), s.Scope, s.Ndcg5.ToString("0.000", us), s.Ndcg10.ToString("0.000", us),
                    s.Precision5Star3.ToString("0.000", us), s.Precision5Star4.ToString("0.000", us), s.Precision5Star5.ToString("0.000", us));
            }

            context.Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Compare(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var configs = new Option<string>("--configs") { Description = "local, <model>:<strategy>, <model>:<strategy>:no-retrieval, comma-separated", DefaultValueFactory = _ => "local" };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures the models" };
        var contracts = new Option<int>("--contracts") { Description = "How many contracts (in name order); LLM configurations cost money per contract", DefaultValueFactory = _ => 20 };
        var examplesPath = new Option<string?>("--examples") { Description = "Worked examples (JSON Lines) for few-shot strategies (default: the shipped sample set)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("compare", "Run the local analyst and LLM configurations side by side on CUAD contracts: AUPR, citation precision, prompt tokens, latency, cost")
        {
            data, configs, settings, contracts, examplesPath, output, format,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var names = parse.GetValue(configs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var rows = await context.WithProgressAsync("eval compare", progress => context.Get<CompareService>()
                .CompareAsync(parse.GetValue(data)!, names, parse.GetValue(contracts), parse.GetValue(examplesPath), context.Caller, progress, cancellationToken));
            if (await WriteJsonAsync(context, rows, parse.GetValue(format)!, parse.GetValue(output), cancellationToken))
            {
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Config", "Contracts", "AUPR", "Mean AUPR", "Citation precision", "Prompt tokens", "Latency ms", "Cost $/contract");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Config), r.Contracts.ToString(us), (100 * r.Aupr).ToString("0.0", us), (100 * r.MacroAupr).ToString("0.0", us),
                    r.CitationPrecision.ToString("0.000", us), r.MeanPromptTokens.ToString("0", us), r.MeanLatencyMs.ToString("0", us),
                    r.CostPerContractUsd is { } c ? c.ToString("0.0000", us) : "unknown");
            }

            context.Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Tokens(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var strategies = new Option<string>("--strategies") { Description = "Prompt strategies (built-in names or YAML files); reductions are against the first", DefaultValueFactory = _ => "few-shot,fine-tuned" };
        var modelPath = new Option<string?>("--model-file") { Description = "Local analyst that ranks the context (default: the shipped model)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("tokens", "Prompt tokens per analysed contract for each prompt strategy (o200k tokenizer; no model is called)")
        {
            data, strategies, modelPath, output, format,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(strategies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PromptStrategy.Load).ToList();
            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var analyst = LocalAnalyst.Load(parse.GetValue(modelPath) ?? LocalAnalyst.DefaultPath());
            var result = await context.WithProgressAsync("eval tokens", progress =>
                new CuadTokenEvaluator(new CuadTrainingSet(context.Readers, new ClauseSegmenter()), analyst, new TokenCounter()).EvaluateAsync(dataset, chosen, progress, cancellationToken));
            if (await WriteJsonAsync(context, result, parse.GetValue(format)!, parse.GetValue(output), cancellationToken))
            {
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            context.Console.WriteLine($"Prompt tokens per contract, {result.Contracts} contracts (o200k); {result.Elapsed.TotalSeconds.ToString("0", us)} s");
            var table = new Table().Border(TableBorder.Simple).AddColumns("Strategy", "Mean", "Median", "p95", "Examples", "Passages", $"vs {chosen[0].Name}");
            foreach (var s in result.Scores)
            {
                var reduction = result.ReductionAgainstFirst.TryGetValue(s.Strategy, out var r) ? $"{(100 * r).ToString("0.0", us)}% fewer" : "-";
                table.AddRow(Markup.Escape(s.Strategy), s.MeanPromptTokens.ToString("0", us), s.MedianPromptTokens.ToString(us), s.P95PromptTokens.ToString(us),
                    s.MeanExamples.ToString("0.0", us), s.MeanPassages.ToString("0.0", us), reduction);
            }

            context.Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Review(CommandRunner run)
    {
        var key = new Option<string>("--key") { Description = "Answer key (JSON): per contract the side, its deliberate risks and missing protections; see samples/review-key/answers.json", Required = true };
        var contracts = new Option<string>("--contracts") { Description = "Folder the key's file names are relative to, e.g. samples/contracts", Required = true };
        var playbookPath = new Option<string?>("--playbook") { Description = "Playbook YAML (default: the shipped standard playbook)" };
        var modelPath = new Option<string?>("--model-file") { Description = "Local analyst model file (default: $TANDEM_MODEL, else the registry's champion, as analyze)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var format = CliOptions.Format("text", "json");
        var command = new Command("review", "Review each contract of an answer key for its side, as analyze does, and score the reports: risks found at the required severity, missing protections found, unexpected high findings; stores no document or report")
        {
            key, contracts, playbookPath, modelPath, output, format,
        };
        command.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var answers = ReviewKey.Load(parse.GetValue(key)!);
            var playbook = PlaybookLoader.Load(parse.GetValue(playbookPath) ?? PlaybookLoader.DefaultPath());
            var analyst = CliOptions.ModelFile(parse) is { } modelFile
                ? LocalAnalyst.Load(modelFile)
                : await context.Get<IModelRegistry>().LoadLocalChampionAsync(cancellationToken);
            var result = await context.WithProgressAsync("eval review", progress =>
                new ReviewKeyEvaluator(context.Readers, new ClauseSegmenter(), new ContractAnalyzer(analyst))
                    .EvaluateAsync(answers, parse.GetValue(contracts)!, playbook, progress, cancellationToken));
            if (!await WriteJsonAsync(context, result, parse.GetValue(format)!, parse.GetValue(output), cancellationToken))
            {
                ReviewEvalText.Write(context.Console, result);
            }

            return 0;
        }));
        return command;
    }

    public static Command Create(CommandRunner run)
    {
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD (contracts/*.txt, master_clauses.csv)", Required = true };
        var folds = new Option<int?>("--folds") { Description = "k-fold cross-validation by contract (honest); without it the shipped model is scored in-sample" };
        var modelPath = new Option<string?>("--model-file") { Description = "Model to score in-sample (default: the shipped model)" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the results as JSON to this file" };
        var report = new Option<string?>("--report") { Description = "Write a Markdown report with PNG charts into this folder" };
        var retrieval = new Option<bool>("--retrieval") { Description = "Score retrieval instead (LegalBench-RAG style: character precision/recall at k = 1..32)" };
        var compare = new Option<string?>("--compare", "--config")
        {
            Description = "Configurations to run side by side. Extraction: local (the shipped model, or cross-validated with --folds), local:<model file>, keyword. With --retrieval: bm25, dense, hybrid, hybrid:<dense weight>",
        };
        var format = CliOptions.Format("text", "json");
        var cuad = new Command("cuad", "Score clause extraction the CUAD way (Jaccard >= 0.5 matching, AUPR, precision at 80%/90% recall), or retrieval with --retrieval")
        {
            data, folds, modelPath, output, report, retrieval, compare, format,
        };
        cuad.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var dataset = CuadDataset.Load(parse.GetValue(data)!);
            var isRetrieval = parse.GetValue(retrieval);
            var configs = (parse.GetValue(compare) ?? (isRetrieval ? "bm25,dense,hybrid" : "local"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (isRetrieval)
            {
                var scores = await context.WithProgressAsync("eval cuad --retrieval", progress =>
                    new CuadRetrievalEvaluator(context.Readers, new ClauseSegmenter())
                    {
                        Embeddings = context.Get<IEmbeddingGenerator<string, Embedding<float>>>(),
                        Vectors = context.Get<IClauseVectorStore>(),
                    }.EvaluateAsync(dataset, configs, progress, cancellationToken));
                if (parse.GetValue(report) is { } retrievalReport)
                {
                    await context.Error.WriteLineAsync("wrote " + EvalReport.WriteCuadRetrieval(scores, retrievalReport));
                }

                return await WriteRetrievalAsync(context, parse.GetValue(format)!, parse.GetValue(output), scores, cancellationToken);
            }

            var evaluator = new CuadEvaluator(new CuadTrainingSet(context.Readers, new ClauseSegmenter()));
            var results = await context.WithProgressAsync("eval cuad", progress => evaluator.EvaluateAsync(dataset, configs, parse.GetValue(folds) ?? 0,
                parse.GetValue(modelPath) ?? LocalAnalyst.DefaultPath(), new LocalAnalystTrainingOptions(), progress, cancellationToken));
            if (parse.GetValue(report) is { } reportFolder)
            {
                await context.Error.WriteLineAsync("wrote " + EvalReport.WriteCuad(results, reportFolder));
            }

            object json = results.Count == 1 ? results[0] : results;
            if (await WriteJsonAsync(context, json, parse.GetValue(format)!, parse.GetValue(output), cancellationToken))
            {
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            foreach (var result in results)
            {
                context.Console.WriteLine($"CUAD evaluation, {result.Config}: {result.Mode}; {result.Contracts} contracts; {result.Elapsed.TotalSeconds.ToString("0", us)} s");
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("Category", "Gold spans");
            foreach (var result in results)
            {
                table.AddColumns($"{result.Config} AUPR", "P@80%R", "P@90%R");
            }

            foreach (var c in results[0].Categories.Append(results[0].Overall))
            {
                var cells = results.Select(r => r.Categories.Append(r.Overall).Single(x => x.Name == c.Name))
                    .SelectMany(x => new[] { (100 * x.Aupr).ToString("0.0", us), (100 * x.PrecisionAt80Recall).ToString("0.0", us), (100 * x.PrecisionAt90Recall).ToString("0.0", us) });
                table.AddRow([Markup.Escape(c.Name), c.GoldSpans.ToString(us), .. cells]);
            }

            context.Console.Write(table);
            foreach (var result in results)
            {
                context.Console.WriteLine($"{result.Config}: overall (pooled) AUPR {(100 * result.Overall.Aupr).ToString("0.0", us)}; mean over categories with gold spans {(100 * result.MacroAupr).ToString("0.0", us)}");
            }

            return 0;
        }));
        return new Command("eval", "Evaluate on benchmark data") { cuad, Acord(run), Tokens(run), Compare(run), Review(run), EvalCorrectionsCommand.Create(run) };
    }
}
