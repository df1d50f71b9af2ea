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
            var files = FineTuneService.Export(parse.GetValue(train)!, parse.GetValue(valid), parse.GetValue(baseModel)!, parse.GetValue(epochs), parse.GetValue(name)!, parse.GetValue(output)!);
            await context.Output.WriteLineAsync($"wrote {files.Count} files to {Path.GetFullPath(parse.GetValue(output)!)}; see its README.md for the train, serve and register commands");
            return 0;
        }));
        return export;
    }

    private static Option<string> ModelOption() => new("--model") { Description = "A configured model (see 'tandem models list'): its provider, key and base model id", Required = true };

    private static Option<string?> SettingsOption() => new("--settings") { Description = "appsettings.json that configures the model" };

    private static FineTuneTarget Target(CliContext context, ParseResult parse, Option<string> model) => context.Get<FineTuneService>().TargetOf(parse.GetValue(model)!);

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
            var target = Target(context, parse, model);
            var endpoint = target.Endpoint;
            await WarnAboutOpenAiAsync(context, target);
            var (job, report) = await context.Get<FineTuneService>().StartAsync(target, parse.GetValue(train)!, parse.GetValue(valid), parse.GetValue(epochs), parse.GetValue(suffix),
                context.Caller, cancellationToken);
            await context.Output.WriteLineAsync($"started {job.Id} ({job.Status}) fine-tuning {job.BaseModel} on {report.Examples} examples; follow it with: tandem finetune status {job.Id} --model {endpoint.Name}");
            return 0;
        }));
        return start;
    }

    /// <summary>Before OpenAI's self-serve fine-tuning ends, a reminder on stderr that the dataset can move.</summary>
    internal static async Task WarnAboutOpenAiAsync(CliContext context, FineTuneTarget target)
    {
        if (target.NoticeAt(DateTimeOffset.UtcNow) is { } notice)
        {
            await context.Error.WriteLineAsync(notice);
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

            var service = context.Get<FineTuneService>();
            var target = Target(context, parse, model);
            var jobs = parse.GetValue(job) is { } one ? [one] : await service.PendingJobsAsync(target, context.Caller, cancellationToken);
            if (jobs.Count == 0)
            {
                await context.Output.WriteLineAsync("no pending jobs");
            }

            foreach (var id in jobs)
            {
                var followed = await service.FollowAsync(target, id, context.Caller, cancellationToken);
                await WriteAsync(context, followed, target);
                if (followed.Registered is { } registered && parse.GetValue(evaluate) is { } data)
                {
                    var models = context.Get<ModelService>();
                    var request = new ModelEvaluation { DataFolder = data, Via = target.Endpoint.Name, Strategy = "fine-tuned", Contracts = parse.GetValue(contracts) };
                    var scores = await context.WithProgressAsync("models evaluate", progress => models.EvaluateAsync(registered.Id, request, context.Caller, progress, cancellationToken));
                    await ModelsCommand.WriteScoresAsync(context, registered.Id, scores);
                    if (parse.GetValue(promote))
                    {
                        try
                        {
                            await ModelsCommand.WritePromotionAsync(context, await models.PromoteAsync(registered.Id, 0.01, null, context.Caller, cancellationToken));
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

    /// <summary>Prints a job's state, events and checkpoints, and the model it registered.</summary>
    private static async Task WriteAsync(CliContext context, JobFollowUp followed, FineTuneTarget target)
    {
        var state = followed.State;
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{state.Id}: {state.Status}{(state.FineTunedModel is null ? "" : $", model {state.FineTunedModel}")}{(state.TrainedTokens is { } t ? $", {t:N0} trained tokens" : "")}{(state.Error is null ? "" : $", error: {state.Error}")}"));
        foreach (var line in followed.Events)
        {
            await context.Output.WriteLineAsync("  " + line);
        }

        foreach (var checkpoint in followed.Checkpoints)
        {
            await context.Output.WriteLineAsync("  checkpoint " + checkpoint);
        }

        if (followed.Registered is { } model)
        {
            await context.Output.WriteLineAsync($"registered candidate {model.Id} ({model.Location}); score it with: tandem models evaluate {model.Id} --via {target.Endpoint.Name} --data <cuad folder>");
        }
    }

    private static Command Cancel(CommandRunner run)
    {
        var model = ModelOption();
        var settings = SettingsOption();
        var job = new Argument<string>("job") { Description = "The job id" };
        var cancel = new Command("cancel", "Cancel a running job") { job, model, settings };
        cancel.SetAction(run(async (context, parse, cancellationToken) =>
        {
            var state = await context.Get<FineTuneService>().CancelAsync(Target(context, parse, model), parse.GetValue(job)!, cancellationToken);
            await context.Output.WriteLineAsync($"{state.Id}: {state.Status}");
            return 0;
        }));
        return cancel;
    }
}
