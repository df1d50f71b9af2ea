using System.Globalization;
using Tandem.Access;
using Tandem.Analysis;
using Tandem.Store;

namespace Tandem.Economics;

/// <summary>
/// Retrieval, fine-tuning, both or neither, for every surface: the caller's answers weighed with
/// what Tandem measured itself (the knowledge base's change rate as the caller sees it, the local
/// analyst's held-out scores, the share of prompt tokens the caller spent on worked examples).
/// </summary>
public sealed class AdviceService(IDocumentStore store, IUsageLedgers ledgers, TimeProvider time)
{
    /// <summary>How far back the measurements reach.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>
    /// The advice; <paramref name="measureStore"/> false leaves the store's measurements out (a
    /// surface that has no store yet must not create one by asking).
    /// </summary>
    public async Task<Advice> AdviseAsync(AdvisorAnswers answers, Principal caller, bool measureStore = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(caller);
        if (answers == new AdvisorAnswers())
        {
            throw new TandemException("no answers given", "answer at least one question, e.g. knowledge_changes: weekly and citations_required: true");
        }

        var activity = measureStore ? await store.GetActivityAsync(caller, Window, cancellationToken) : null;
        var usage = measureStore ? await ledgers.For(caller).ListAsync(time.GetUtcNow() - Window, cancellationToken) : [];
        var evaluations = new List<string>();
        if (File.Exists(LocalAnalyst.DefaultPath()))
        {
            var manifest = LocalAnalyst.Load(LocalAnalyst.DefaultPath()).Model.Manifest;
            evaluations.Add(string.Create(CultureInfo.InvariantCulture,
                $"local analyst (a model trained here on {manifest.Contracts} contracts): held-out clause-level macro average precision {manifest.HeldOutMacroAveragePrecision:0.00}; no base-model vs fine-tuned LLM comparison has been run yet"));
        }

        return DecisionAdvisor.Advise(answers, new AdvisorEvidence { Activity = activity, Evaluations = evaluations, FewShotShareOfPromptTokens = UsageSummary.FewShotShare(usage) });
    }
}
