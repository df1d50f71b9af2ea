using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Spectre.Console;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Economics;
using Tandem.Evaluation;
using Tandem.Learning;
using Tandem.Models;
using Tandem.Prompting;

namespace Tandem.Cli.Commands;

/// <summary><c>tandem models list</c> and <c>tandem models test &lt;name&gt;</c>: the configured LLMs and a real round trip to one.</summary>
internal static class ModelsCommand
{
    public static Command Create(CommandRunner run)
    {
        var settings = new Option<string?>("--settings") { Description = "appsettings.json to read (default: ./appsettings.json and ~/.config/tandem/appsettings.json), then the environment" };
        var list = new Command("list", "List the configured models (keys are never shown, only whether they are set)") { settings };
        list.SetAction(run(async (context, parse, _) =>
        {
            var catalog = ModelCatalog.Load(parse.GetValue(settings));
            var table = new Table().Border(TableBorder.Simple).AddColumns("Name", "Provider", "Model", "Base URL", "Key");
            foreach (var m in catalog.Models)
            {
                table.AddRow(Markup.Escape(m.Name), m.Provider, Markup.Escape(m.Model), Markup.Escape(m.BaseUrl?.ToString() ?? "(public endpoint)"),
                    m.ApiKeyVariable is null ? "none" : Markup.Escape($"{m.ApiKeyVariable} ({(m.HasApiKey ? "set" : "not set")})"));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{catalog.Models.Count} models");
            return 0;
        }));

        var name = new Argument<string>("name") { Description = "The configured model's name" };
        var priceBook = CliOptions.PriceBookFile();
        var test = new Command("test", "Send one short request to a model and report latency, token usage and cost (recorded in the usage ledger)") { name, settings, priceBook };
        test.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var endpoint = ModelCatalog.Load(parse.GetValue(settings)).Get(parse.GetValue(name)!);
            var prices = CliOptions.LoadPriceBook(parse, priceBook);
            var ledger = context.Ledger;
            using var client = ChatClients.Create(endpoint, ledger, prices, "models test");
            var started = Stopwatch.GetTimestamp();
            ChatResponse response;
            try
            {
                response = await client.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, "You are a connectivity check. Answer with one word."), new ChatMessage(ChatRole.User, "Reply with the word: ready")],
                    new ChatOptions { MaxOutputTokens = 16, Temperature = 0 }, cancellationToken);
            }
            catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
            {
                throw described;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var usage = response.Usage;
            var cost = MeteringChatClient.CostOf(prices, response.ModelId ?? endpoint.Model, usage?.InputTokenCount ?? 0, usage?.CachedInputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
            var us = CultureInfo.InvariantCulture;
            await context.Output.WriteLineAsync($"model {endpoint.Name} ({endpoint.Provider}, {response.ModelId ?? endpoint.Model}): ok in {elapsed.TotalMilliseconds.ToString("0", us)} ms");
            await context.Output.WriteLineAsync($"reply: {response.Text.Trim()}");
            await context.Output.WriteLineAsync(usage is null
                ? "usage: the provider reported none"
                : $"usage: {usage.InputTokenCount ?? 0} input ({usage.CachedInputTokenCount ?? 0} cached), {usage.OutputTokenCount ?? 0} output tokens");
            await context.Output.WriteLineAsync(cost is { } c
                ? $"cost: ${c.ToString("0.000000", us)} (price book {prices.AsOf.ToString("yyyy-MM-dd", us)})"
                : "cost: unknown (the model is not in the price book; pass --price-book)");
            return 0;
        }));

        return new Command("models", "The configured LLMs (list, test) and the model registry (registry, promote)") { list, test, Registry(run), Evaluate(run), Promote(run), Register(run) };
    }

    /// <summary>The report JSON conventions, one record per line.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonLines = new(Reporting.ReportJson.Options) { WriteIndented = false };

    private static Command Registry(CommandRunner run)
    {
        var format = CliOptions.Format("text", "json");
        var decisions = new Option<bool>("--decisions") { Description = "List the retraining decisions instead (what --if-due decided and why)" };
        var registry = new Command("registry", "The model registry: versions, scores, status and lineage") { format, decisions };
        registry.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var store = new SqliteModelRegistry(context.DatabasePath);
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(decisions))
            {
                var made = File.Exists(context.DatabasePath) ? await store.ListVisibleDecisionsAsync(context.Caller, context.Access, cancellationToken) : [];
                foreach (var d in made)
                {
                    await context.Output.WriteLineAsync(json
                        ? System.Text.Json.JsonSerializer.Serialize(d, JsonLines)
                        : $"{d.At:yyyy-MM-dd HH:mm} {d.Backend} {(d.Due ? "due" : "not due")}{(d.Job is null ? "" : $" [job {d.Job}]")}: {d.Reason}");
                }

                return 0;
            }

            var models = File.Exists(context.DatabasePath) ? await store.ListVisibleAsync(context.Caller, context.Access, cancellationToken) : [];
            if (json)
            {
                await context.Output.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(models, Reporting.ReportJson.Options));
                return 0;
            }

            var us = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Simple).AddColumns("Id", "Status", "Backend", "Held-out AUPR", "Data", "Parent", "Created", "Note");
            foreach (var m in models)
            {
                table.AddRow(Markup.Escape(m.Id), m.Status.ToString(), Markup.Escape(m.Backend), m.Scores is { } s ? (100 * s.Aupr).ToString("0.0", us) : "-",
                    Markup.Escape(m.DatasetHash.Length > 12 ? m.DatasetHash[..12] : m.DatasetHash), Markup.Escape(m.Parent ?? "-"),
                    m.CreatedAt.ToString("yyyy-MM-dd HH:mm", us), Markup.Escape(m.Note ?? string.Empty));
            }

            context.Console.Write(table);
            await context.Output.WriteLineAsync($"{models.Count} models");
            return 0;
        }));
        return registry;
    }

    private static Command Register(CommandRunner run)
    {
        var endpoint = new Option<string>("--endpoint") { Description = "Where the model is served, e.g. http://gpu-1:8000/v1 (vLLM with a LoRA adapter)", Required = true };
        var model = new Option<string>("--model") { Description = "The served model or adapter id, e.g. contracts-lora-2026q4", Required = true };
        var baseModel = new Option<string>("--base") { Description = "The base model the adapter was trained on", DefaultValueFactory = _ => "unknown" };
        var dataset = new Option<string>("--dataset-hash") { Description = "Hash of the training dataset (from the export)", DefaultValueFactory = _ => "unknown" };
        var register = new Command("register", "Record a self-hosted fine-tune (e.g. a LoRA adapter served by vLLM) in the registry as a candidate") { endpoint, model, baseModel, dataset };
        register.SetAction(run(async (context, parse, cancellationToken) =>
        {
            ModelRegistryAccess.RequireAdmin(context.Access, context.Caller, "register models");
            if (!Uri.TryCreate(parse.GetValue(endpoint), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new TandemException($"--endpoint '{parse.GetValue(endpoint)}' is not an http(s) URL", "e.g. --endpoint http://gpu-1:8000/v1");
            }

            var registry = new SqliteModelRegistry(context.DatabasePath);
            var champion = await registry.FindChampionAsync("self-hosted", cancellationToken);
            var id = $"self-hosted-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}-{parse.GetValue(model)}";
            await registry.RegisterAsync(new RegisteredModel(id, "self-hosted", parse.GetValue(baseModel)!, $"{url.ToString().TrimEnd('/')} model {parse.GetValue(model)}",
                parse.GetValue(dataset)!, DateTimeOffset.UtcNow, null, ModelStatus.Candidate, champion?.Id, "registered by hand; not scored yet") { Audience = [Access.AccessList.Public] }, cancellationToken);
            await context.Output.WriteLineAsync($"registered candidate {id}; configure it as an openai-compatible model with BaseUrl {url} and Model {parse.GetValue(model)} to use it");
            return 0;
        }));
        return register;
    }

    private static Command Evaluate(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The registry id of the model to score" };
        var data = new Option<string>("--data") { Description = "Folder laid out like CUAD; its held-out gate contracts are used", Required = true };
        var via = new Option<string?>("--via") { Description = "A configured model (see 'tandem models list') whose provider, base URL and key reach this one; needed for provider fine-tunes" };
        var settings = new Option<string?>("--settings") { Description = "appsettings.json that configures --via" };
        var strategy = new Option<string>("--strategy") { Description = "Prompt strategy for a language model: fine-tuned (short prompt), few-shot, or a YAML file", DefaultValueFactory = _ => "fine-tuned" };
        var contracts = new Option<int>("--contracts") { Description = "Language models: score the first N gate contracts (name order; every call costs money). Champion and candidate must use the same N", DefaultValueFactory = _ => 20 };
        var evaluate = new Command("evaluate", "Score a registered model on the held-out gate set and record the scores, so 'models promote' can gate it")
        {
            id, data, via, settings, strategy, contracts,
        };
        evaluate.SetAction(run(async (context, parse, cancellationToken) =>
        {
            ModelRegistryAccess.RequireAdmin(context.Access, context.Caller, "evaluate models");
            var registry = new SqliteModelRegistry(context.DatabasePath);
            var model = await registry.GetAsync(parse.GetValue(id)!, cancellationToken)
                ?? throw new TandemException($"no model {parse.GetValue(id)} in the registry", "see 'tandem models registry'");
            if (parse.GetValue(contracts) < 1)
            {
                throw new TandemException("--contracts must be at least 1");
            }

            var reach = parse.GetValue(via) is { } name ? ModelCatalog.Load(parse.GetValue(settings)).Get(name) : null;
            await EvaluateAsync(context, registry, model, parse.GetValue(data)!, reach, parse.GetValue(strategy)!, parse.GetValue(contracts), cancellationToken);
            return 0;
        }));
        return evaluate;
    }

    /// <summary>Scores a registered model on the gate set of a CUAD-style folder, records and prints the scores.</summary>
    internal static async Task<GateScores> EvaluateAsync(CliContext context, SqliteModelRegistry registry, RegisteredModel model, string dataFolder, ModelEndpoint? via,
        string strategyName, int contracts, CancellationToken cancellationToken)
    {
        var dataset = CuadDataset.Load(dataFolder);
        GateScores scores;
        if (model.Backend == LocalFineTuneBackend.BackendName)
        {
            if (LocalAnalystModel.LoadManifest(model.Location).GateScores is not null)
            {
                throw new TandemException($"{model.Id} records its gate scores in its model file: it was trained on the gate contracts too, so scoring it on them would be in-sample",
                    "compare candidates with the recorded scores: tandem models promote <candidate>");
            }

            scores = await context.WithProgressAsync("models evaluate", progress =>
                new LocalRetrainer(new CuadTrainingSet(context.Readers, new ClauseSegmenter()), registry).ScoreAsync(dataset, model.Location, progress, cancellationToken));
        }
        else
        {
            var endpoint = EndpointOf(model, via);
            var gate = dataset.Where(c => LocalRetrainer.IsGateContract(c.Name));
            var promptStrategy = PromptStrategy.Load(strategyName);
            var examples = promptStrategy.ExamplesPerCategory == 0 ? [] : ReviewExamples.Load(ReviewExamples.DefaultPath());
            var evaluator = new CuadCompareEvaluator(context.Readers, new ClauseSegmenter(), LocalAnalyst.Load(LocalAnalyst.DefaultPath()),
                context.Ledger, PriceBook.Default()) { ContractLimit = contracts, Examples = examples };
            CompareRow row;
            try
            {
                row = (await context.WithProgressAsync("models evaluate", progress =>
                    evaluator.EvaluateAsync(gate, [new CompareConfig(model.Id, endpoint, promptStrategy, Retrieval: true)], progress, cancellationToken)))[0];
            }
            catch (Exception e) when (ChatClients.Describe(e, endpoint) is { } described)
            {
                throw described;
            }

            scores = LocalRetrainer.Scores(row.ContractNames.Select(n => n + "\n" + promptStrategy.Name), row.Aupr, row.Categories);
        }

        await registry.SetScoresAsync(model.Id, scores, cancellationToken);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{model.Id}: held-out AUPR {100 * scores.Aupr:0.0} on gate set {scores.GateSet} ({scores.Categories.Count} categories with gold spans); recorded"));
        return scores;
    }

    /// <summary>How to reach a registered language model: a self-hosted endpoint as recorded, or a provider fine-tune through a configured model's provider and key.</summary>
    private static ModelEndpoint EndpointOf(RegisteredModel model, ModelEndpoint? via)
    {
        if (model.Backend == "self-hosted")
        {
            var parts = model.Location.Split(" model ", 2);
            return new ModelEndpoint(model.Id, "openai-compatible", parts[1], new Uri(parts[0].TrimEnd('/') + "/"), via?.ApiKeyVariable);
        }

        return via is null
            ? throw new TandemException($"{model.Id} is a {model.Backend} model: say which configured model reaches its provider", "add --via <name> (see 'tandem models list')")
            : via with { Name = model.Id, Model = model.Location };
    }

    /// <summary>
    /// Runs the promotion gate for a scored candidate, printing every reason, and promotes it when
    /// it passes (or when <paramref name="forceReason"/> is given); throws when it is refused.
    /// </summary>
    internal static async Task GateAsync(CliContext context, SqliteModelRegistry registry, RegisteredModel candidate, double margin, string? forceReason, CancellationToken cancellationToken)
    {
        var champion = await registry.FindChampionAsync(candidate.Backend, cancellationToken);
        var decision = new PromotionGate { Margin = margin }.DecideAgainst(candidate.Scores!, champion);
        foreach (var line in decision.Reasons)
        {
            await context.Output.WriteLineAsync(" - " + line);
        }

        if (!decision.Promote && forceReason is null)
        {
            throw new TandemException($"the gate refused {candidate.Id}; {champion?.Id ?? "nothing"} stays champion", "improve the candidate, or use --force --reason '...'");
        }

        var note = decision.Promote ? "passed the gate" : "forced past the gate: " + forceReason;
        await registry.PromoteAsync(candidate.Id, note, cancellationToken);
        await context.Output.WriteLineAsync($"{candidate.Id} is now the champion ({note}){(champion is null ? "" : $"; {champion.Id} retired")}");
        if (!candidate.Audience.Contains(Access.AccessList.Public))
        {
            await context.Output.WriteLineAsync($"note: {candidate.Id} was trained for {(candidate.Audience.Count == 0 ? "an unrecorded audience" : string.Join(", ", candidate.Audience))}; as champion it reviews everyone's contracts");
        }
    }

    private static Command Promote(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The candidate's registry id" };
        var force = new Option<bool>("--force") { Description = "Promote even if the gate refuses (requires --reason, which is recorded)" };
        var reason = new Option<string?>("--reason") { Description = "Why a forced promotion is justified" };
        var margin = new Option<double>("--margin") { Description = "Required pooled AUPR gain over the champion, in points", DefaultValueFactory = _ => 1.0 };
        var promote = new Command("promote", "Promote a candidate if it beats the champion on the held-out gate set and regresses on no supported category") { id, force, reason, margin };
        promote.SetAction(run(async (context, parse, cancellationToken) =>
        {
            ModelRegistryAccess.RequireAdmin(context.Access, context.Caller, "promote models");
            if (parse.GetValue(force) && string.IsNullOrWhiteSpace(parse.GetValue(reason)))
            {
                throw new TandemException("--force needs --reason", "say why the gate should be overridden, e.g. --reason 'legal sign-off on the new categories'");
            }

            var registry = new SqliteModelRegistry(context.DatabasePath);
            var candidate = await registry.GetAsync(parse.GetValue(id)!, cancellationToken)
                ?? throw new TandemException($"no model {parse.GetValue(id)} in the registry", "see 'tandem models registry'");
            if (candidate.Status == ModelStatus.Champion)
            {
                throw new TandemException($"{candidate.Id} is already the champion");
            }

            if (candidate.Scores is null)
            {
                throw new TandemException($"{candidate.Id} has no held-out scores", "score it first: tandem models evaluate " + candidate.Id + " --data <cuad folder>");
            }

            await GateAsync(context, registry, candidate, parse.GetValue(margin) / 100, parse.GetValue(force) ? parse.GetValue(reason) : null, cancellationToken);
            return 0;
        }));
        return promote;
    }
}
