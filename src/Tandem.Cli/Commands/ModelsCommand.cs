using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Spectre.Console;
using Tandem.Economics;
using Tandem.Llm;

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
            var ledger = new SqliteUsageLedger(context.DatabasePath);
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

        return new Command("models", "The configured LLMs: list them, test one") { list, test };
    }
}
