using System.Globalization;

namespace Tandem.Economics;

/// <summary>
/// Reads an ROI scenario from YAML and resolves its prices: explicit prices in the file win,
/// then a multiplier of the base price for the fine-tuned model, then the price book. Every
/// error names the file, the field and what to write instead.
/// </summary>
public static class RoiScenarioLoader
{
    public static RoiScenario Load(string path, PriceBook book)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"scenario not found: {path}", "pass a YAML scenario, e.g. samples/scenarios/legal-contract-review.yaml");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path), book);
    }

    public static RoiScenario Parse(string yaml, string name, PriceBook book)
    {
        ScenarioFile file;
        file = YamlDocuments.Deserialize<ScenarioFile>(yaml, $"scenario {name}", "fix it; see samples/scenarios/legal-contract-review.yaml for the fields")
                ?? throw new TandemException($"scenario {name} is empty", "see samples/scenarios/legal-contract-review.yaml");

        var sources = new List<string>();
        var before = file.Before ?? throw Missing(name, "before", "the base model with few-shot prompts: model, prompt_tokens, output_tokens");
        var after = file.After ?? throw Missing(name, "after", "the fine-tuned model with short prompts: model, prompt_tokens, output_tokens");
        var training = file.Training ?? throw Missing(name, "training", "tokens_per_epoch, epochs, retrain_every_months");

        var beforePrice = ResolveBeforePrice(before, book, name, sources);
        var afterPrice = ResolveAfterPrice(after, beforePrice, book, name, sources);
        var trainingPrice = training.PricePerMillion;
        if (trainingPrice is null)
        {
            var entry = after.Model is null ? null : book.Find(after.Model);
            trainingPrice = entry?.TrainingPerMillion
                ?? throw new TandemException($"scenario {name}: training.price_per_million is missing and the price book has no training price for '{after.Model}'",
                    "write training.price_per_million (USD per million training tokens)");
            sources.Add($"training: {entry!.Id} training price from the price book ({book.AsOf:yyyy-MM-dd})");
        }
        else
        {
            sources.Add("training: price from the scenario file");
        }

        var scenario = new RoiScenario
        {
            Name = file.Name?.Trim() ?? Path.GetFileNameWithoutExtension(name),
            Description = file.Description?.Trim(),
            QueriesPerMonth = Required(file.QueriesPerMonth, name, "queries_per_month"),
            Before = new CallProfile(before.Model ?? "base model", Required(before.PromptTokens, name, "before.prompt_tokens"),
                Share(before.CachedPromptShare, name, "before.cached_prompt_share"), Required(before.OutputTokens, name, "before.output_tokens"), beforePrice),
            After = new CallProfile(after.Model ?? "fine-tuned model", Required(after.PromptTokens, name, "after.prompt_tokens"),
                Share(after.CachedPromptShare, name, "after.cached_prompt_share"), Required(after.OutputTokens, name, "after.output_tokens"), afterPrice),
            Training = new TrainingPlan(Required(training.TokensPerEpoch, name, "training.tokens_per_epoch"), Required(training.Epochs, name, "training.epochs"),
                NonNegative(trainingPrice.Value, name, "training.price_per_million"), NonNegative(training.FixedCostPerRun ?? 0, name, "training.fixed_cost_per_run"),
                Positive(training.RetrainEveryMonths, name, "training.retrain_every_months"), NonNegative(training.CorrectionsPerRun ?? 0, name, "training.corrections_per_run"),
                NonNegative(training.LabellingCostPerCorrection ?? 0, name, "training.labelling_cost_per_correction")),
            Accuracy = file.Accuracy is null ? null : new AccuracyChange(
                Share(file.Accuracy.Before, name, "accuracy.before"), Share(file.Accuracy.After, name, "accuracy.after"),
                NonNegative(file.Accuracy.CostPerError ?? 0, name, "accuracy.cost_per_error")),
            Assumptions = file.Assumptions ?? [],
            PriceSources = sources,
        };
        return scenario;
    }

    private static TokenPrice ResolveBeforePrice(ProfileFile before, PriceBook book, string name, List<string> sources)
    {
        if (before.Price is not null)
        {
            sources.Add("before: price from the scenario file");
            return before.Price.ToPrice($"scenario {name}, before.price");
        }

        var entry = Lookup(before.Model, book, name, "before");
        sources.Add($"before: {entry.Id} from the price book ({book.AsOf:yyyy-MM-dd}, {book.Source})");
        return entry.Price;
    }

    private static TokenPrice ResolveAfterPrice(ProfileFile after, TokenPrice beforePrice, PriceBook book, string name, List<string> sources)
    {
        if (after.Price is not null)
        {
            sources.Add("after: price from the scenario file");
            return after.Price.ToPrice($"scenario {name}, after.price");
        }

        if (after.PriceMultiplier is { } multiplier)
        {
            sources.Add(string.Create(CultureInfo.InvariantCulture, $"after: {multiplier}x the base model's price (scenario file)"));
            return beforePrice.Times(NonNegative(multiplier, name, "after.price_multiplier"));
        }

        var entry = Lookup(after.Model, book, name, "after");
        var price = entry.FineTunedPrice ?? throw new TandemException(
            $"scenario {name}: the price book has no fine-tuned price for '{entry.Id}' ({entry.Notes ?? "its provider offers no fine-tuning"})",
            "write after.price or after.price_multiplier, or choose a model that can be fine-tuned");
        sources.Add($"after: fine-tuned {entry.Id} from the price book ({book.AsOf:yyyy-MM-dd})");
        return price;
    }

    private static PricedModel Lookup(string? model, PriceBook book, string name, string field) =>
        model is null
            ? throw new TandemException($"scenario {name}: {field} needs a model (looked up in the price book) or a price", $"write {field}.model or {field}.price")
            : book.Find(model) ?? throw new TandemException($"scenario {name}: model '{model}' is not in the price book",
                $"give {field}.price, or use one of: {string.Join(", ", book.Models.Select(m => m.Id))}");

    private static decimal Required(decimal? value, string name, string field) =>
        NonNegative(value ?? throw Missing(name, field, "a number"), name, field);

    private static decimal Positive(decimal? value, string name, string field)
    {
        var v = Required(value, name, field);
        return v > 0 ? v : throw new TandemException($"scenario {name}: {field} must be more than 0", "e.g. 3 for quarterly retraining");
    }

    private static decimal NonNegative(decimal value, string name, string field) =>
        value >= 0 ? value : throw new TandemException($"scenario {name}: {field} cannot be negative ({value})", "use 0 or more");

    private static decimal Share(decimal? value, string name, string field) =>
        value switch
        {
            null => 0,
            < 0 or > 1 => throw new TandemException($"scenario {name}: {field} is a share between 0 and 1, not {value}", "e.g. 0.25 for a quarter"),
            _ => value.Value,
        };

    private static TandemException Missing(string name, string field, string what) =>
        new($"scenario {name}: {field} is missing", $"add {field} ({what})");

    /// <summary>YAML shape of a scenario.</summary>
    private sealed class ScenarioFile
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string>? Assumptions { get; set; }
        public decimal? QueriesPerMonth { get; set; }
        public ProfileFile? Before { get; set; }
        public ProfileFile? After { get; set; }
        public TrainingFile? Training { get; set; }
        public AccuracyFile? Accuracy { get; set; }
    }

    /// <summary>YAML shape of a call profile.</summary>
    private sealed class ProfileFile
    {
        public string? Model { get; set; }
        public decimal? PromptTokens { get; set; }
        public decimal? CachedPromptShare { get; set; }
        public decimal? OutputTokens { get; set; }
        public PriceBook.PriceFile? Price { get; set; }
        public decimal? PriceMultiplier { get; set; }
    }

    /// <summary>YAML shape of the training plan.</summary>
    private sealed class TrainingFile
    {
        public decimal? TokensPerEpoch { get; set; }
        public decimal? Epochs { get; set; }
        public decimal? PricePerMillion { get; set; }
        public decimal? FixedCostPerRun { get; set; }
        public decimal? RetrainEveryMonths { get; set; }
        public decimal? CorrectionsPerRun { get; set; }
        public decimal? LabellingCostPerCorrection { get; set; }
    }

    /// <summary>YAML shape of the accuracy change.</summary>
    private sealed class AccuracyFile
    {
        public decimal? Before { get; set; }
        public decimal? After { get; set; }
        public decimal? CostPerError { get; set; }
    }
}
