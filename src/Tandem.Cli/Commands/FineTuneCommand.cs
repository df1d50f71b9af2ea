using System.CommandLine;
using System.Globalization;
using Tandem.Learning;
using Tandem.Models;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem finetune start|status|cancel|export</c>: provider fine-tune jobs through the OpenAI
/// jobs API (OpenAI, Azure OpenAI v1) or Together's, chosen by the configured model's
/// <c>FineTuneApi</c>; the model also names the key and the base model. A succeeded job's model is
/// registered as a candidate. <c>export</c> is the self-hosted path.
/// </summary>
internal static class FineTuneCommand
{
    public static Command Create(CommandRunner run) =>
        new("finetune", "Fine-tuning: provider jobs (start, status, cancel) or an export for a self-hosted LoRA run") { Start(run), Status(run), Cancel(run), Export(run) };

    private static Command Export(CommandRunner run)
    {
        var train = new Option<string>("--train") { Description = "Training file (from 'tandem dataset build --format hf-messages')", Required = true };
        var valid = new Option<string?>("--valid") { Description = "Validation file" };
        var baseModel = new Option<string>("--base") { Description = "Hugging Face id of the base model", DefaultValueFactory = _ => "meta-llama/Llama-3.1-8B-Instruct" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 3 };
        var name = new Option<string>("--name") { Description = "Adapter name (served and registered under it)", DefaultValueFactory = _ => "tandem-contracts" };
        var output = new Option<string>("--out") { Description = "Folder to write", Required = true };
        var export = new Command("export", "Write the dataset with Axolotl and TRL LoRA configurations, and the commands to serve and register the adapter") { train, valid, baseModel, epochs, name, output };
        export.SetAction(run(async (context, parse, _) =>
        {
            var report = new DatasetValidator(new Prompting.TokenCounter()).Validate(parse.GetValue(train)!, DatasetFormat.HfMessages);
            if (!report.IsValid)
            {
                throw new TandemException($"{parse.GetValue(train)} does not pass validation ({report.Issues.Count} problems, e.g. {report.Issues[0].Message})", "run 'tandem dataset validate --format hf-messages' on it");
            }

            var files = LoraExport.Write(parse.GetValue(train)!, parse.GetValue(valid), parse.GetValue(baseModel)!, parse.GetValue(epochs), parse.GetValue(name)!, parse.GetValue(output)!);
            await context.Output.WriteLineAsync($"wrote {files.Count} files to {Path.GetFullPath(parse.GetValue(output)!)}; see its README.md for the train, serve and register commands");
            return 0;
        }));
        return export;
    }

    private static Option<string> ModelOption() => new("--model") { Description = "A configured model (see 'tandem models list'): its provider, key and base model id", Required = true };

    private static Option<string?> SettingsOption() => new("--settings") { Description = "appsettings.json that configures the model" };

    private static (IFineTuneBackend Backend, ModelEndpoint Endpoint) Backend(ParseResult parse, Option<string> model, Option<string?> settings) =>
        Backend(parse.GetValue(model)!, parse.GetValue(settings));

    /// <summary>The fine-tune backend that reaches a configured model's provider, with the model's endpoint.</summary>
    internal static (IFineTuneBackend Backend, ModelEndpoint Endpoint) Backend(string modelName, string? settings)
    {
        var endpoint = ModelCatalog.Load(settings).Get(modelName);
        if (endpoint.FineTuneApi == "none")
        {
            throw new TandemException($"{endpoint.Name} ({endpoint.Provider}) offers no self-serve fine-tuning API",
                "fine-tune through OpenAI, Azure OpenAI or Together, or export the dataset for a self-hosted LoRA run ('tandem finetune export')");
        }

        var key = endpoint.ApiKeyVariable is null ? null : Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);
        if (string.IsNullOrEmpty(key) && (endpoint.Provider is "openai" or "azure-openai" || endpoint.FineTuneApi == "together"))
        {
            throw new TandemException($"the API key variable {endpoint.ApiKeyVariable ?? "(none configured)"} is not set",
                endpoint.ApiKeyVariable is null ? "name it in the model's ApiKeyVariable, e.g. \"ApiKeyVariable\": \"TOGETHER_API_KEY\"" : $"export {endpoint.ApiKeyVariable}");
        }

        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        if (endpoint.FineTuneApi == "together")
        {
            return (new TogetherFineTuneBackend(http, WithSlash(endpoint.BaseUrl ?? new Uri("https://api.together.xyz/v1/")), key!), endpoint);
        }

        return (new OpenAiFineTuneBackend(http, WithSlash(endpoint.BaseUrl ?? new Uri("https://api.openai.com/v1/")), key ?? "no-key"), endpoint);
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static Command Start(CommandRunner run)
    {
        var model = ModelOption();
        var settings = SettingsOption();
        var train = new Option<string>("--train") { Description = "Training file (from 'tandem dataset build')", Required = true };
        var valid = new Option<string?>("--valid") { Description = "Validation file" };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 3 };
        var suffix = new Option<string?>("--suffix") { Description = "A suffix for the fine-tuned model's name" };
        var start = new Command("start", "Upload a dataset and start a fine-tuning job on the model's provider") { model, settings, train, valid, epochs, suffix };
        start.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var (backend, endpoint) = Backend(parse, model, settings);
            var report = new DatasetValidator(new Prompting.TokenCounter()).Validate(parse.GetValue(train)!, DatasetFormat.OpenAiChat);
            if (!report.IsValid)
            {
                throw new TandemException($"{parse.GetValue(train)} does not pass validation ({report.Issues.Count} problems, e.g. {report.Issues[0].Message})", "run 'tandem dataset validate' on it; nothing was uploaded");
            }

            await WarnAboutOpenAiAsync(context, backend);
            var job = await backend.StartAsync(parse.GetValue(train)!, parse.GetValue(valid), endpoint.Model, parse.GetValue(epochs), parse.GetValue(suffix), cancellationToken);
            await context.Output.WriteLineAsync($"started {job.Id} ({job.Status}) fine-tuning {job.BaseModel} on {report.Examples} examples; follow it with: tandem finetune status {job.Id} --model {endpoint.Name}");
            return 0;
        }));
        return start;
    }

    /// <summary>Before OpenAI's self-serve fine-tuning ends, a reminder that the dataset can move.</summary>
    internal static async Task WarnAboutOpenAiAsync(CliContext context, IFineTuneBackend backend)
    {
        if (backend is OpenAiFineTuneBackend { IsOpenAi: true } && DateTimeOffset.UtcNow < OpenAiFineTuneBackend.OpenAiSelfServeEnds)
        {
            await context.Error.WriteLineAsync($"note: OpenAI stops new self-serve fine-tuning jobs on {OpenAiFineTuneBackend.OpenAiSelfServeEnds:yyyy-MM-dd}; the same dataset runs on Azure OpenAI, Together or Fireworks by BaseUrl, or self-hosted via 'tandem finetune export'");
        }
    }

    private static Command Status(CommandRunner run)
    {
        var model = ModelOption();
        var settings = SettingsOption();
        var job = new Argument<string?>("job") { Description = "The job id", Arity = ArgumentArity.ZeroOrOne };
        var pending = new Option<bool>("--pending") { Description = "Every job 'retrain provider' started whose model is not registered yet (for cron)" };
        var evaluate = new Option<string?>("--evaluate") { Description = "Score a newly registered model on this CUAD-style folder's gate set" };
        var contracts = new Option<int>("--contracts") { Description = "With --evaluate: gate contracts to score (the champion must have used the same number)", DefaultValueFactory = _ => 20 };
        var promote = new Option<bool>("--promote") { Description = "With --evaluate: promote the model if it passes the gate (a refusal is reported, not an error)" };
        var status = new Command("status", "A job's status, events and checkpoints; a succeeded job's model is registered as a candidate, and can be scored and gated at once")
        {
            job, model, settings, pending, evaluate, contracts, promote,
        };
        status.SetAction(run(async (context, parse, cancellationToken) =>
        {
            if ((parse.GetValue(job) is null) == !parse.GetValue(pending))
            {
                throw new TandemException("give a job id or --pending, not both", "e.g. tandem finetune status --pending --model base");
            }

            if (parse.GetValue(promote) && parse.GetValue(evaluate) is null)
            {
                throw new TandemException("--promote needs --evaluate <cuad folder>: a model is gated on its held-out scores");
            }

            if (parse.GetValue(evaluate) is not null)
            {
                ModelRegistryAccess.RequireAdmin(context.Access, context.Caller, "evaluate and promote models");
            }

            var (backend, endpoint) = Backend(parse, model, settings);
            var registry = new SqliteModelRegistry(context.DatabasePath);
            var jobs = parse.GetValue(job) is { } one ? [one] : await PendingJobsAsync(context, registry, backend.Name, cancellationToken);
            if (jobs.Count == 0)
            {
                await context.Output.WriteLineAsync("no pending jobs");
            }

            foreach (var id in jobs)
            {
                var registered = await FollowAsync(context, registry, backend, endpoint, id, cancellationToken);
                if (registered is not null && parse.GetValue(evaluate) is { } data)
                {
                    var scores = await ModelsCommand.EvaluateAsync(context, registry, registered, data, endpoint, "fine-tuned", parse.GetValue(contracts), cancellationToken);
                    if (parse.GetValue(promote))
                    {
                        try
                        {
                            await ModelsCommand.GateAsync(context, registry, registered with { Scores = scores }, 0.01, null, cancellationToken);
                        }
                        catch (TandemException refused)
                        {
                            await context.Output.WriteLineAsync(refused.Message);
                        }
                    }
                }
            }

            return 0;
        }));
        return status;
    }

    /// <summary>Jobs 'retrain provider' started on a backend, at the caller's request (admins: anyone's), that have neither a registered model nor a recorded failure.</summary>
    private static async Task<IReadOnlyList<string>> PendingJobsAsync(CliContext context, SqliteModelRegistry registry, string backend, CancellationToken cancellationToken)
    {
        var models = (await registry.ListAsync(cancellationToken)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return (await registry.ListVisibleDecisionsAsync(context.Caller, context.Access, cancellationToken)).Where(d => d.Job is not null && d.Backend == backend).GroupBy(d => d.Job!, StringComparer.Ordinal)
            .Where(g => g.First().Due && !models.Contains(RegistryId(backend, g.Key))).Select(g => g.Key).Reverse().ToList();
    }

    /// <summary>A provider job's model in the registry: the backend and the job id.</summary>
    private static string RegistryId(string backend, string job) => backend + "-" + job;

    /// <summary>Prints a job's state; registers a succeeded job's model (returned when newly registered); records a failed job so the policy stops counting it.</summary>
    private static async Task<RegisteredModel?> FollowAsync(CliContext context, SqliteModelRegistry registry, IFineTuneBackend backend, ModelEndpoint endpoint, string jobId,
        CancellationToken cancellationToken)
    {
        var state = await backend.GetAsync(jobId, cancellationToken);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{state.Id}: {state.Status}{(state.FineTunedModel is null ? "" : $", model {state.FineTunedModel}")}{(state.TrainedTokens is { } t ? $", {t:N0} trained tokens" : "")}{(state.Error is null ? "" : $", error: {state.Error}")}"));
        foreach (var line in await backend.EventsAsync(state.Id, cancellationToken))
        {
            await context.Output.WriteLineAsync("  " + line);
        }

        foreach (var checkpoint in await backend.CheckpointsAsync(state.Id, cancellationToken))
        {
            await context.Output.WriteLineAsync("  checkpoint " + checkpoint);
        }

        var started = (await registry.ListDecisionsAsync(cancellationToken)).FirstOrDefault(d => d.Job == state.Id && d.Due);
        if (state.Status is "failed" or "cancelled" && started is not null)
        {
            // The job no longer counts as the last retrain: the next --if-due run may start another.
            await registry.RecordDecisionAsync(new RetrainDecision(DateTimeOffset.UtcNow, backend.Name, false, $"job {state.Id} {state.Status}{(state.Error is null ? "" : ": " + state.Error)}")
            {
                Job = state.Id, Requester = started.Requester, Audience = started.Audience,
            }, cancellationToken);
            return null;
        }

        if (state is not { Status: "succeeded", FineTunedModel: { } tuned })
        {
            return null;
        }

        var id = RegistryId(backend.Name, state.Id);
        if (await registry.GetAsync(id, cancellationToken) is not null)
        {
            return null;
        }

        var champion = await registry.FindChampionAsync(backend.Name, cancellationToken);
        // The model serves the audience its dataset was built for; a job started by hand ('finetune start'), whoever registers it.
        var model = new RegisteredModel(id, backend.Name, state.BaseModel, tuned, "job:" + state.Id, DateTimeOffset.UtcNow, null,
            ModelStatus.Candidate, champion?.Id, $"fine-tuned on {endpoint.Name}'s provider")
        {
            Audience = started?.Audience is { Count: > 0 } audience ? audience : [Access.AccessList.UserToken(context.Caller.UserId)],
        };
        await registry.RegisterAsync(model, cancellationToken);
        await context.Output.WriteLineAsync($"registered candidate {id} ({tuned}); score it with: tandem models evaluate {id} --via {endpoint.Name} --data <cuad folder>");
        return model;
    }

    private static Command Cancel(CommandRunner run)
    {
        var model = ModelOption();
        var settings = SettingsOption();
        var job = new Argument<string>("job") { Description = "The job id" };
        var cancel = new Command("cancel", "Cancel a running job") { job, model, settings };
        cancel.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var state = await Backend(parse, model, settings).Backend.CancelAsync(parse.GetValue(job)!, cancellationToken);
            await context.Output.WriteLineAsync($"{state.Id}: {state.Status}");
            return 0;
        }));
        return cancel;
    }
}
