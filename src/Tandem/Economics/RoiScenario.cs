namespace Tandem.Economics;

/// <summary>Everything the ROI of a fine-tune depends on, with prices already resolved.</summary>
public sealed record RoiScenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required decimal QueriesPerMonth { get; init; }
    /// <summary>The base model with few-shot prompts.</summary>
    public required CallProfile Before { get; init; }
    /// <summary>The fine-tuned model with short prompts.</summary>
    public required CallProfile After { get; init; }
    public required TrainingPlan Training { get; init; }
    public AccuracyChange? Accuracy { get; init; }
    /// <summary>Where the numbers come from, in the scenario author's words.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
    /// <summary>Where each price came from (price book entry and date, or the scenario file).</summary>
    public IReadOnlyList<string> PriceSources { get; init; } = [];

    /// <summary>The variables <see cref="With"/> can change, for what-ifs and sweeps.</summary>
    public static IReadOnlyList<string> Variables { get; } =
        ["queries", "prompt-tokens", "prompt-reduction", "output-tokens", "ft-price-multiplier", "retrain-months", "training-tokens", "epochs"];

    /// <summary>This scenario with one variable set, e.g. ("ft-price-multiplier", 2): the fine-tuned model billed at twice the base price.</summary>
    public RoiScenario With(string variable, decimal value)
    {
        if (value < 0)
        {
            throw new TandemException($"{variable} cannot be negative ({value})", "use a value of 0 or more");
        }

        return variable switch
        {
            "queries" => this with { QueriesPerMonth = value },
            "prompt-tokens" => this with
            {
                Before = Before with { PromptTokens = value },
                After = After with { PromptTokens = Before.PromptTokens == 0 ? After.PromptTokens : value * After.PromptTokens / Before.PromptTokens },
            },
            "prompt-reduction" when value > 1 => throw new TandemException($"prompt-reduction is a share between 0 and 1, not {value}", "e.g. 0.4 for 40% fewer prompt tokens"),
            "prompt-reduction" => this with { After = After with { PromptTokens = Before.PromptTokens * (1 - value) } },
            "output-tokens" => this with { Before = Before with { OutputTokens = value }, After = After with { OutputTokens = value } },
            "ft-price-multiplier" => this with { After = After with { Price = Before.Price.Times(value) } },
            "retrain-months" when value == 0 => throw new TandemException("retrain-months must be more than 0", "e.g. 3 for quarterly"),
            "retrain-months" => this with { Training = Training with { RetrainEveryMonths = value } },
            "training-tokens" => this with { Training = Training with { TokensPerEpoch = value } },
            "epochs" => this with { Training = Training with { Epochs = value } },
            _ => throw new TandemException($"unknown variable '{variable}'", "use one of: " + string.Join(", ", Variables)),
        };
    }
}
