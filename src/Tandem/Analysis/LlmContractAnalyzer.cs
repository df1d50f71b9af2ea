using Microsoft.Extensions.AI;
using Tandem.Analysis;
using Tandem.Documents;
using Tandem.Models;
using Tandem.Prompting;
using Tandem.Store;

namespace Tandem.Analysis;

/// <summary>
/// Reviews a contract with a language model: the document's clauses (ranked by the local
/// analyst when one is given, so the budget goes to the likeliest clauses) are packed into the
/// strategy's prompt, the model answers with findings as JSON (schema-constrained; one repair
/// turn when the JSON is invalid, then a clear error), and every finding's citation is checked
/// by <see cref="CitationVerifier"/>. Verified findings are judged against the playbook like the
/// local analyst's; the rest are dropped into <see cref="RiskReport.Unverified"/>.
/// </summary>
public sealed class LlmContractAnalyzer(IChatClient client, string modelLabel, PromptStrategy strategy, TokenCounter tokens, LocalAnalyst? ranker = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Asks the model about a document and checks every claim. With <paramref name="rankContext"/>
    /// the context is the clauses the local analyst ranks highest (retrieval); without it, the
    /// contract in document order until the budget is spent (no retrieval).
    /// </summary>
    public async Task<LlmReview> ReviewAsync(StoredDocument document, IReadOnlyList<ReviewExample> examples, bool rankContext = true, CancellationToken cancellationToken = default) =>
        await ReviewAsync(document, examples, rankContext, null, cancellationToken);

    /// <summary>
    /// Like <see cref="ReviewAsync(StoredDocument, IReadOnlyList{ReviewExample}, bool, CancellationToken)"/>, with the
    /// side, contract type and playbook positions put in the prompt when <paramref name="brief"/> is given (called
    /// with the likely categories, it returns the brief).
    /// </summary>
    public async Task<LlmReview> ReviewAsync(StoredDocument document, IReadOnlyList<ReviewExample> examples, bool rankContext, Func<IReadOnlyList<string>, ReviewBrief>? brief, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clauses = document.Clauses.Where(c => c.Clause.Kind != ClauseKind.TableOfContents).ToList();
        var order = Enumerable.Range(0, clauses.Count).ToList();
        var likely = new List<string>();
        if (ranker is not null && clauses.Count > 0)
        {
            var scores = ranker.Score(clauses.Select(c => c.Clause).ToList());
            var ranked = order.OrderByDescending(i => scores[i].Max()).ThenBy(i => i).ToList();
            likely = ranked.Where(i => scores[i].Max() >= 0.3f).Select(i => ranker.Categories[Array.IndexOf(scores[i], scores[i].Max())]).ToList();
            order = rankContext ? ranked : order;
        }

        var context = order.Select(i => clauses[i]).Select(c => new Passage(document.DocumentId, document.Title, document.Version, c.ClauseId,
            c.Clause.Path, c.Clause.Heading, c.Clause.Start, c.Clause.End, c.Clause.Text, 0)).ToList();
        var prompt = new ReviewPromptBuilder(tokens).Build(strategy, context, likely, examples, brief?.Invoke(likely));
        var (modelFindings, raw) = await AskAsync(prompt, cancellationToken);

        // The context holds only this document, which the store let the caller read.
        var verifier = new CitationVerifier(prompt.Context, new HashSet<string>(StringComparer.Ordinal) { document.DocumentId });
        var claims = modelFindings.Select(f => new CheckedClaim(f, ClauseCategories.Canonical(f.Category), verifier.Check(new Citation(f.Passage, f.Quote)))).ToList();
        return new LlmReview(prompt, claims, raw);
    }

    public async Task<RiskReport> AnalyzeAsync(StoredDocument document, Playbook playbook, IReadOnlyList<ReviewExample> examples, string? forParty = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(playbook);
        var side = ReviewSide.Of(document, forParty);
        var kind = ContractKinds.Of(document, side?.Parties);
        var review = await ReviewAsync(document, examples, rankContext: true, likely => ReviewBrief.For(side, kind, playbook, likely), cancellationToken);
        var prompt = review.Prompt;
        var clauses = document.Clauses.Where(c => c.Clause.Kind != ClauseKind.TableOfContents).ToList();
        var byId = clauses.ToDictionary(c => c.ClauseId, StringComparer.Ordinal);
        var findings = new List<Finding>();
        var unverified = new List<UnverifiedClaim>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var lens = ReviewLens.For(side, clauses);
        foreach (var (claim, category, check) in review.Claims)
        {
            if (category is null || !check.IsVerified)
            {
                unverified.Add(new UnverifiedClaim(claim.Category, claim.Passage, claim.Quote, category is null ? "UnknownCategory" : check.Status.ToString()));
                continue;
            }

            present.Add(category);
            if (playbook.RuleFor(category) is not { } rule || findings.Any(f => f.Category == category && f.ClauseId == check.Passage!.ClauseId))
            {
                continue;
            }

            var finding = ContractAnalyzer.Judge(rule, [byId[check.Passage!.ClauseId]], (float)claim.Confidence, document.Text, lens);
            finding = string.IsNullOrWhiteSpace(claim.Rationale) || finding.Deviations.Count > 0 ? finding : finding with { Rationale = claim.Rationale };
            // Where the clause's grammar leaves whose clause it is open, the model's reading is kept.
            findings.Add(finding.Favours == Favours.Unclear && claim.Favours is { } said ? finding with { Favours = said } : finding);
        }

        var (kept, missing) = ContractAnalyzer.Settle(playbook, findings, present, kind, side?.RoleIn(kind, document.Text), document.Text);
        return RiskReport.For(document, playbook, modelLabel + "\n" + strategy.Name + "\n" + kind,
            $"{modelLabel}, {strategy.Name} prompt ({prompt.PromptTokens} tokens, {prompt.Context.Count} of {clauses.Count} clauses)", _time.GetUtcNow(),
            document.Clauses.Count, kept, missing, unverified, side)
            with
            {
                ContractKind = kind,
                ContractKindDetected = true,
                Context = ReportContext.Of("llm", clauses, prompt.Context.Select(p => p.ClauseId),
                    prompt.Messages.Select(m => new PromptTurn(m.Role.Value, m.Text)).ToList(), review.RawOutput),
            };
    }

    /// <summary>Asks for the findings; invalid JSON gets one repair turn, then a clear error.</summary>
    private async Task<(IReadOnlyList<FindingsJson.ModelFinding> Findings, string Raw)> AskAsync(ReviewPrompt prompt, CancellationToken cancellationToken)
    {
        var messages = prompt.Messages.ToList();
        var options = new ChatOptions
        {
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(FindingsJson.Schema, "findings", "Contract review findings"),
            AdditionalProperties = new() { [MeteringChatClient.StrategyKey] = strategy.Name, [MeteringChatClient.ExampleTokensKey] = (long)prompt.ExampleTokens },
        };
        var error = string.Empty;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            if (FindingsJson.TryParse(response.Text, out var findings, out error))
            {
                return (findings, response.Text);
            }

            messages.AddRange(response.Messages);
            messages.Add(new ChatMessage(ChatRole.User, $"That output is unusable: {error}. Reply again with only the JSON object, following the schema."));
        }

        throw new TandemException($"{modelLabel} returned invalid findings twice ({error})", "try another model or the fine-tuned/few-shot strategy; nothing was reported from this run");
    }
}
