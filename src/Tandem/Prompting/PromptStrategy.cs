namespace Tandem.Prompting;

/// <summary>
/// How a prompt is built for a model, as data: its instructions, how many worked examples per
/// category it shows and for how many categories, and the token budget for retrieved context.
/// Two ship with Tandem: <c>few-shot</c> (a base model) and <c>fine-tuned</c> (a model trained on
/// Tandem's review dataset, which needs only the task and the context).
/// </summary>
/// <param name="Name">The strategy's name.</param>
/// <param name="Description">One line for people.</param>
/// <param name="Instructions">The system message; <c>{categories}</c> is replaced by the category list.</param>
/// <param name="ExamplesPerCategory">Worked examples shown per category (0 for none).</param>
/// <param name="MaxExampleCategories">Categories that get examples, the most likely ones first.</param>
/// <param name="ContextTokenBudget">Most tokens of retrieved passages in one prompt.</param>
public sealed record PromptStrategy(string Name, string Description, string Instructions, int ExamplesPerCategory, int MaxExampleCategories, int ContextTokenBudget)
{
    /// <summary>The names of the built-in strategies.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = ["few-shot", "fine-tuned"];

    /// <summary>A built-in strategy by name, or a strategy YAML file by path.</summary>
    public static PromptStrategy Load(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (BuiltIn.Contains(nameOrPath))
        {
            using var stream = typeof(PromptStrategy).Assembly.GetManifestResourceStream($"Tandem.Prompting.Strategies.{nameOrPath}.yaml")
                ?? throw new InvalidOperationException($"the built-in strategy {nameOrPath} is missing");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), $"the built-in strategy {nameOrPath}");
        }

        if (!File.Exists(nameOrPath))
        {
            throw new TandemException($"unknown prompt strategy '{nameOrPath}'", $"use {string.Join(" or ", BuiltIn)}, or the path of a strategy YAML file");
        }

        return Parse(File.ReadAllText(nameOrPath), $"strategy {nameOrPath}");
    }

    /// <summary>Parses and validates a strategy document.</summary>
    public static PromptStrategy Parse(string yaml, string what)
    {
        const string hint = "see src/Tandem/Prompting/Strategies/few-shot.yaml for the format";
        var file = YamlDocuments.Deserialize<StrategyFile>(yaml, what, hint) ?? throw new TandemException($"{what} is empty", hint);
        if (string.IsNullOrWhiteSpace(file.Name) || string.IsNullOrWhiteSpace(file.Instructions))
        {
            throw new TandemException($"{what} needs a name and instructions", hint);
        }

        if (file.ExamplesPerCategory is < 0 or > 20 || file.MaxExampleCategories is < 0 or > 41 || file.ContextTokenBudget is < 100 or > 1_000_000)
        {
            throw new TandemException($"{what}: examples_per_category must be 0-20, max_example_categories 0-41 and context_token_budget 100-1,000,000", hint);
        }

        return new PromptStrategy(file.Name.Trim(), file.Description?.Trim() ?? string.Empty, file.Instructions.Trim(), file.ExamplesPerCategory,
            file.MaxExampleCategories, file.ContextTokenBudget);
    }

    /// <summary>YAML shape of a strategy.</summary>
    private sealed class StrategyFile
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Instructions { get; set; }

        public int ExamplesPerCategory { get; set; }

        public int MaxExampleCategories { get; set; }

        public int ContextTokenBudget { get; set; } = 6000;
    }
}
