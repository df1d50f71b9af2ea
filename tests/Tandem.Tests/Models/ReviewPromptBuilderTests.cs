using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Tests.Models;

public sealed class ReviewPromptBuilderTests
{
    private static readonly TokenCounter Tokens = new();

    private static readonly ReviewExample[] Examples =
    [
        new("Cap on Liability", "Liability is capped at the fees paid in the prior twelve months.", "medium", "A cap."),
        new("Cap on Liability", "Neither party's liability shall exceed one million dollars.", "medium", "A cap."),
        new("Cap on Liability", "The total liability of the supplier is limited to the contract price.", "medium", "A cap."),
        new("Governing Law", "This agreement is governed by the laws of Ontario.", "low", "Law."),
    ];

    private static List<Passage> Context(int count, int words) =>
        Enumerable.Range(1, count).Select(i => new Passage("doc", "Doc", 1, $"cl{i}", $"{i}", null, 0, 10,
            string.Join(' ', Enumerable.Repeat($"liability word{i}", words)), 1)).ToList();

    [Fact]
    public void TokenCounter_O200k_CountsKnownText()
    {
        Assert.Equal(2, Tokens.Count("hello world"));
        Assert.Equal(0, Tokens.Count(""));
        Assert.Equal(2 + 1 + (2 * TokenCounter.PerMessageOverhead) + TokenCounter.ReplyPrimer, Tokens.CountChat(["hello world", "hi"]));
    }

    [Fact]
    public void Build_FewShot_AddsKExamplesPerLikelyCategoryAndTheCategoryList()
    {
        var strategy = PromptStrategy.Load("few-shot");

        var prompt = new ReviewPromptBuilder(Tokens).Build(strategy, Context(3, 5), ["Cap on Liability", "Governing Law", "Cap on Liability"], Examples);

        Assert.Equal(3, prompt.Examples); // 2 caps (k = 2) + the only governing-law example
        Assert.Equal(1 + (2 * 3) + 1, prompt.Messages.Count);
        Assert.Contains("- Uncapped Liability", prompt.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{categories}", prompt.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(Tokens.CountChat(prompt.Messages.Select(m => m.Text)), prompt.PromptTokens);
        Assert.StartsWith("Passages:\n[1] (clause 1)", prompt.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FineTuned_SameContextFarFewerTokens()
    {
        var context = Context(3, 5);
        var builder = new ReviewPromptBuilder(Tokens);

        var fewShot = builder.Build(PromptStrategy.Load("few-shot"), context, ["Cap on Liability"], Examples);
        var fineTuned = builder.Build(PromptStrategy.Load("fine-tuned"), context, ["Cap on Liability"], Examples);

        Assert.Equal(0, fineTuned.Examples);
        Assert.Equal(2, fineTuned.Messages.Count);
        Assert.Equal(fewShot.Context, fineTuned.Context);
        Assert.True(fineTuned.PromptTokens < fewShot.PromptTokens / 2, $"{fineTuned.PromptTokens} vs {fewShot.PromptTokens}");
    }

    [Fact]
    public void Build_ContextOverBudget_PacksWhatFitsInOrder()
    {
        var strategy = PromptStrategy.Load("fine-tuned") with { ContextTokenBudget = 100 };
        var context = Context(10, 10); // each passage is about 25 tokens

        var prompt = new ReviewPromptBuilder(Tokens).Build(strategy, context, [], Examples);

        Assert.InRange(prompt.Context.Count, 2, 4);
        Assert.Equal(context.Take(prompt.Context.Count), prompt.Context);
        Assert.Equal(10 - prompt.Context.Count, prompt.OmittedPassages);
        Assert.True(Tokens.Count(prompt.Messages[^1].Text) <= 100 + 5);
    }

    [Theory]
    [InlineData("name: x\n", "needs a name and instructions")]
    [InlineData("name: x\ninstructions: go\nexamples_per_category: 99\n", "examples_per_category must be 0-20")]
    [InlineData("name: x\ninstructions: [unclosed\n", "is not valid YAML")]
    public void Parse_BadStrategy_SaysWhat(string yaml, string expected)
    {
        var error = Assert.Throws<TandemException>(() => PromptStrategy.Parse(yaml, "strategy s.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_ListsBuiltIns()
    {
        var error = Assert.Throws<TandemException>(() => PromptStrategy.Load("zero-shot"));

        Assert.Contains("few-shot or fine-tuned", error.ToUserMessage(), StringComparison.Ordinal);
    }
}
