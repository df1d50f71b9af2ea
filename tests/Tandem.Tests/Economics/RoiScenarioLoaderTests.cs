using Tandem.Economics;
using Tandem.Tests.Support;

namespace Tandem.Tests.Economics;

public sealed class RoiScenarioLoaderTests
{
    private const string Valid = """
        name: t
        queries_per_month: 1000
        before: { model: gpt-4o, prompt_tokens: 1000, output_tokens: 100 }
        after: { model: gpt-4o, prompt_tokens: 500, output_tokens: 100 }
        training: { tokens_per_epoch: 1000000, epochs: 3, retrain_every_months: 3 }
        """;

    [Fact]
    public void Parse_ModelsFromPriceBook_ResolvesBaseFineTunedAndTrainingPrices()
    {
        var book = PriceBook.Default();
        var gpt4o = book.Find("gpt-4o")!;

        var s = RoiScenarioLoader.Parse(Valid, "t.yaml", book);

        Assert.Equal(gpt4o.Price, s.Before.Price);
        Assert.Equal(gpt4o.FineTunedPrice, s.After.Price);
        Assert.Equal(gpt4o.TrainingPerMillion, s.Training.PricePerMillion);
        Assert.Contains(s.PriceSources, p => p.Contains("price book", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_FineTunedModelId_ResolvesToItsBase()
    {
        Assert.Equal("gpt-4o-mini", PriceBook.Default().Find("ft:gpt-4o-mini:acme::abc123")?.Id);
    }

    [Fact]
    public void Load_ShippedScenarios_AreValid()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "scenarios"), "*.yaml"))
        {
            var s = RoiScenarioLoader.Load(file, PriceBook.Default());
            Assert.NotEmpty(s.Assumptions);
        }
    }

    [Theory]
    [InlineData("queries_per_month: 1000", "", "queries_per_month is missing")]
    [InlineData("queries_per_month: 1000", "queries_per_month: -5", "cannot be negative")]
    [InlineData("model: gpt-4o, prompt_tokens: 1000,", "model: gpt-4o, cached_prompt_share: 2, prompt_tokens: 1000,", "share between 0 and 1")]
    [InlineData("before: { model: gpt-4o,", "before: { model: gpt-9,", "model 'gpt-9' is not in the price book")]
    [InlineData("after: { model: gpt-4o,", "after: { model: claude-sonnet-4,", "no fine-tuned price for 'claude-sonnet-4'")]
    [InlineData("retrain_every_months: 3", "retrain_every_months: 0", "must be more than 0")]
    [InlineData("name: t", "name: t\nspeed: fast", "line 2, column 1: unknown key 'speed'")]
    [InlineData("name: t", "name: [t", "line 1, column 7: expected text, not '[t'")]
    public void Parse_BadScenario_ClearError(string find, string replace, string expected)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<TandemException>(() => RoiScenarioLoader.Parse(yaml, "bad.yaml", PriceBook.Default()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("as_of: 2025-01-01\nmodels: []", "lists no models")]
    [InlineData("models:\n  - id: x\n    price: { input: 1, output: 2 }", "needs an as_of date")]
    [InlineData("as_of: 2025-01-01\nmodels:\n  - id: x\n    price: { input: -1, output: 2 }", "cannot be negative")]
    [InlineData("as_of: 2025-01-01\nmodels:\n  - id: x\n    price: { output: 2 }", "needs input and output")]
    public void ParsePriceBook_Bad_ClearError(string yaml, string expected)
    {
        var error = Assert.Throws<TandemException>(() => PriceBook.Parse(yaml, "book.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
