using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Tandem.Analysis;
using Tandem.Retrieval;
using Tandem.Store;

namespace Tandem.Prompting;

/// <summary>
/// Builds the review prompt for a strategy: the instructions (with the category list), for
/// few-shot the examples closest to the clauses at hand (k per likely category, as user and
/// assistant turns), and the retrieved passages, best first, numbered, packed until the
/// strategy's token budget is spent.
/// </summary>
public sealed class ReviewPromptBuilder(TokenCounter tokens)
{
    /// <param name="strategy">How to build it.</param>
    /// <param name="context">Retrieved passages, best first; all must be readable by the caller.</param>
    /// <param name="likelyCategories">Categories the passages probably hold, most likely first (examples are chosen for these).</param>
    /// <param name="examples">The example pool.</param>
    /// <param name="brief">The side, contract type and playbook positions, appended to the instructions (or put where they say {brief}); null leaves them out.</param>
    public ReviewPrompt Build(PromptStrategy strategy, IReadOnlyList<Passage> context, IReadOnlyList<string> likelyCategories, IReadOnlyList<ReviewExample> examples, ReviewBrief? brief = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(context);
        var instructions = strategy.Instructions.Replace("{categories}", string.Join("\n", ClauseCategories.All.Select(c => "- " + c)), StringComparison.Ordinal);
        if (brief is not null)
        {
            instructions = instructions.Contains("{brief}", StringComparison.Ordinal)
                ? instructions.Replace("{brief}", brief.Render(), StringComparison.Ordinal)
                : instructions.TrimEnd() + "\n\n" + brief.Render();
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, instructions) };

        var shown = 0;
        if (strategy.ExamplesPerCategory > 0)
        {
            foreach (var category in likelyCategories.Distinct(StringComparer.Ordinal).Take(strategy.MaxExampleCategories))
            {
                var anchor = context.FirstOrDefault()?.Text ?? category;
                foreach (var example in Closest(examples.Where(e => e.Category == category).ToList(), anchor, strategy.ExamplesPerCategory))
                {
                    messages.Add(new ChatMessage(ChatRole.User, "[1] " + example.ClauseText));
                    messages.Add(new ChatMessage(ChatRole.Assistant, JsonSerializer.Serialize(new
                    {
                        findings = new[] { new { category = example.Category, severity = example.Severity, passage = 1, quote = example.ClauseText, rationale = example.Rationale, confidence = 0.9 } },
                    })));
                    shown++;
                }
            }
        }

        var included = new List<Passage>();
        var body = new StringBuilder("Passages:\n");
        var spent = 0;
        foreach (var passage in context)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"[{included.Count + 1}] (clause {passage.Path}{(passage.Heading is null ? "" : ", " + passage.Heading)}) {passage.Text}\n");
            var cost = tokens.Count(line);
            if (spent + cost > strategy.ContextTokenBudget)
            {
                continue; // a shorter passage further down may still fit
            }

            spent += cost;
            included.Add(passage);
            body.Append(line);
        }

        messages.Add(new ChatMessage(ChatRole.User, body.ToString()));
        var exampleTokens = messages.Skip(1).Take(2 * shown).Sum(m => tokens.Count(m.Text) + TokenCounter.PerMessageOverhead);
        return new ReviewPrompt(strategy.Name, messages, included, shown, tokens.CountChat(messages.Select(m => m.Text)), context.Count - included.Count, exampleTokens);
    }

    /// <summary>The <paramref name="k"/> examples most like <paramref name="anchor"/> by BM25 (ties in pool order).</summary>
    private static IEnumerable<ReviewExample> Closest(IReadOnlyList<ReviewExample> pool, string anchor, int k)
    {
        if (pool.Count <= k)
        {
            return pool;
        }

        var ranked = new Bm25Index(pool.Select(e => e.ClauseText).ToList()).Search(anchor, k).Select(h => pool[h.Item]).ToList();
        return ranked.Concat(pool.Except(ranked)).Take(k);
    }
}
