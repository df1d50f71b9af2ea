using System.Globalization;

namespace Tandem.Economics;

/// <summary>
/// "What does my production system need: retrieval, fine-tuning, both or neither?" Each
/// criterion pushes toward retrieval (the *what*: changing, cited, large, access-controlled
/// knowledge) or toward fine-tuning (the *how*: format, reasoning, vocabulary, latency), with a
/// weight and a reason. Measured evidence replaces an answer where Tandem has enough history.
/// </summary>
public static class DecisionAdvisor
{
    /// <summary>Score at which an approach is recommended.</summary>
    public const int Threshold = 3;

    public static Advice Advise(AdvisorAnswers answers, AdvisorEvidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        evidence ??= new AdvisorEvidence();
        var used = new List<string>();
        var criteria = new List<CriterionAssessment>
        {
            AssessChange(answers.KnowledgeChanges, evidence.Activity, used),
            YesNo("Must answers cite their sources?", answers.CitationsRequired, Approach.Retrieval, 3,
                "a fine-tuned model cannot point to where a fact came from; a citation needs the passage in the context",
                "no citations needed, so nothing here requires retrieval"),
            YesNo("Is the data too large to put into training examples?", answers.DataTooLargeForTraining, Approach.Retrieval, 2,
                "weights do not store a large corpus verbatim; retrieval scales with the store, not with training runs",
                "the knowledge is small enough to teach or to place in the prompt"),
            YesNo("Must access be controlled per user or per document?", answers.PerUserAccess, Approach.Retrieval, 3,
                "access lists can be enforced inside retrieval for each caller; weights serve everyone who can call the model",
                "everyone who uses the system may see all of its knowledge"),
            YesNo("Must a specific output format or style be learned?", answers.FixedOutputFormat, Approach.FineTuning, 3,
                "a format learned in the weights replaces long instructions and few-shot examples in every prompt",
                "the output format is simple enough for instructions alone"),
            YesNo("Are there domain reasoning patterns that prompting cannot capture?", answers.DomainReasoning, Approach.FineTuning, 3,
                "how experts reason through a case is taught by examples in training, not by a paragraph of instructions",
                "a base model already reasons well enough about the task"),
            YesNo("Does latency rule out a retrieval step?", answers.LatencyRulesOutRetrieval, Approach.FineTuning, 2,
                "without time for a search, knowledge has to live in the weights or the prompt",
                "there is time for a retrieval step (Tandem's keyword search takes milliseconds)"),
            YesNo("Does the base model keep misunderstanding domain terms?", answers.MisunderstandsTerms, Approach.FineTuning, 2,
                "terminology is learned from many examples; glossaries in prompts help less and cost tokens each call",
                "the base model uses the domain's terms correctly"),
        };

        if (answers.LatencyRulesOutRetrieval == true)
        {
            criteria.Add(new CriterionAssessment("Latency budget", "no time for retrieval", "answered", Approach.Retrieval, -3,
                "a retrieval step does not fit the latency budget, which counts against retrieval"));
        }

        if (evidence.FewShotShareOfPromptTokens is { } share)
        {
            var weight = share >= 0.3 ? 2 : share >= 0.15 ? 1 : 0;
            criteria.Add(new CriterionAssessment("Few-shot share of prompt tokens", share.ToString("0%", CultureInfo.InvariantCulture), "measured by Tandem",
                Approach.FineTuning, weight, weight > 0
                    ? "a large share of every prompt is examples a fine-tuned model would not need"
                    : "examples are a small part of the prompt, so dropping them saves little"));
            used.Add($"few-shot share of prompt tokens: {share:0%} (usage ledger)");
        }
        else
        {
            used.Add("few-shot share of prompt tokens: not measured (no metered LLM calls in the ledger yet)");
        }

        used.AddRange(evidence.Evaluations);
        var retrieval = criteria.Where(c => c.Favours == Approach.Retrieval).Sum(c => c.Weight);
        var fineTuning = criteria.Where(c => c.Favours == Approach.FineTuning).Sum(c => c.Weight);
        var recommendation = (retrieval >= Threshold, fineTuning >= Threshold) switch
        {
            (true, true) => Approach.Both,
            (true, false) => Approach.Retrieval,
            (false, true) => Approach.FineTuning,
            _ => Approach.Neither,
        };
        return new Advice(recommendation, retrieval, fineTuning, criteria, Risks(recommendation, answers, criteria), NextSteps(recommendation), used);
    }

    private static CriterionAssessment AssessChange(KnowledgeChange? answered, KnowledgeBaseActivity? activity, List<string> used)
    {
        const string question = "How often does the knowledge change?";
        var value = answered;
        var source = answered is null ? "not answered" : "answered";
        if (activity is { IsMeaningful: true })
        {
            var measured = activity.AsFrequency();
            used.Add(string.Create(CultureInfo.InvariantCulture,
                $"knowledge-base change rate: {activity.ChangesPerWeek:0.##} changes per week over {activity.Days:0} days across {activity.Documents} documents (sync history)"));
            source = answered is null || answered == measured
                ? "measured by Tandem"
                : $"measured by Tandem (you answered {answered.Value.ToString().ToLowerInvariant()})";
            value = measured;
        }
        else
        {
            used.Add(activity is null
                ? "knowledge-base change rate: no knowledge base to measure"
                : "knowledge-base change rate: under two weeks of sync history, too little to measure");
        }

        var (weight, reason) = value switch
        {
            KnowledgeChange.Daily or KnowledgeChange.Weekly => (3, "knowledge that changes weekly goes stale in weights within days; retrieval serves the newest version"),
            KnowledgeChange.Monthly => (2, "monthly changes would need monthly retraining; retrieval picks them up at the next sync"),
            KnowledgeChange.Quarterly => (1, "quarterly changes could follow a quarterly retraining, but retrieval is current without it"),
            KnowledgeChange.Rarely or KnowledgeChange.Never => (0, "stable knowledge does not by itself call for retrieval"),
            _ => (0, "not answered"),
        };
        return new CriterionAssessment(question, value?.ToString().ToLowerInvariant() ?? "not answered", source,
            weight > 0 ? Approach.Retrieval : Approach.Neither, weight, reason);
    }

    private static CriterionAssessment YesNo(string question, bool? answer, Approach favours, int weight, string yes, string no) =>
        answer switch
        {
            true => new CriterionAssessment(question, "yes", "answered", favours, weight, yes),
            false => new CriterionAssessment(question, "no", "answered", Approach.Neither, 0, no),
            null => new CriterionAssessment(question, "not answered", "not answered", Approach.Neither, 0, "not answered, so it does not count"),
        };

    private static List<string> Risks(Approach recommendation, AdvisorAnswers answers, IReadOnlyList<CriterionAssessment> criteria)
    {
        var risks = new List<string>();
        var fineTune = recommendation is Approach.FineTuning or Approach.Both;
        var retrieve = recommendation is Approach.Retrieval or Approach.Both;
        if (fineTune)
        {
            if (answers.PerUserAccess == true)
            {
                risks.Add("Per-user access cannot be enforced in weights: a fine-tuned model serves everyone who can call it. Train only on text every caller may read, and keep access-controlled facts in retrieval.");
            }

            risks.Add("Fine-tunes die with their base model: when the provider retires the base, the fine-tune must be rebuilt. Keep the dataset and the training loop, not just the model id.");
            risks.Add("A provider may stop offering fine-tuning (OpenAI stops new self-serve fine-tuning jobs on 2027-01-06). Keep datasets in portable formats so the loop can move to Azure OpenAI, Together, Fireworks, Bedrock or a self-hosted LoRA run.");
            if (criteria.Any(c => c.Criterion.StartsWith("How often", StringComparison.Ordinal) && c.Weight >= 2))
            {
                risks.Add("Anything learned as knowledge goes stale between retraining runs; teach the model how to work, and let retrieval supply the facts.");
            }

            risks.Add("A fine-tune can cost more per token than its base model; check the economics with `tandem roi` before training.");
        }

        if (retrieve)
        {
            risks.Add("Answers are only as good as what retrieval finds: measure retrieval quality on your own questions before trusting the answers.");
            risks.Add("The index must follow the sources: run `tandem sync` on a schedule, or answers cite superseded versions.");
            if (answers.LatencyRulesOutRetrieval == true)
            {
                risks.Add("Your latency budget leaves no time for retrieval, yet other needs require it: measure Tandem's retrieval latency and revisit the budget.");
            }
        }

        if (recommendation == Approach.Neither)
        {
            risks.Add("Nothing here needs retrieval or fine-tuning yet; revisit when answers must be cited, knowledge starts changing, or prompts grow long with examples.");
        }

        return risks;
    }

    private static List<string> NextSteps(Approach recommendation)
    {
        var steps = new List<string>();
        if (recommendation is Approach.Retrieval or Approach.Both)
        {
            steps.Add("Load the knowledge with access lists: `tandem sync <folder> --acl <users,group:name>`; check what it finds with `tandem search \"<question>\"`.");
            steps.Add("For contracts, review one end to end: `tandem analyze <file>`.");
        }

        if (recommendation is Approach.FineTuning or Approach.Both)
        {
            steps.Add("Check that a fine-tune pays for itself: `tandem roi --scenario <file.yaml>` (start from samples/scenarios/).");
            steps.Add("Train the embedded analyst on your labelled clauses: `tandem train local --data <folder>`. Provider fine-tunes from corrections come with the learning loop, which is not built yet.");
        }

        if (recommendation == Approach.Neither)
        {
            steps.Add("Start with a base model and a clear prompt; re-run `tandem advise` when the answers change.");
        }

        return steps;
    }
}
