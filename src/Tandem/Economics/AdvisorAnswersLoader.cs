
namespace Tandem.Economics;

/// <summary>Reads the advisor's answers from YAML (keys as in samples/advisor/*.yaml).</summary>
public static class AdvisorAnswersLoader
{
    public static AdvisorAnswers Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TandemException($"answers file not found: {path}", "pass a YAML file like samples/advisor/contract-review.yaml");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static AdvisorAnswers Parse(string yaml, string name)
    {
        AnswersFile file;
        file = YamlDocuments.Deserialize<AnswersFile>(yaml, $"answers {name}", "keys: knowledge_changes, citations_required, data_too_large_for_training, per_user_access, fixed_output_format, domain_reasoning, latency_rules_out_retrieval, misunderstands_terms (true/false)") ?? new AnswersFile();

        return new AdvisorAnswers
        {
            KnowledgeChanges = ParseChange(file.KnowledgeChanges, name),
            CitationsRequired = file.CitationsRequired,
            DataTooLargeForTraining = file.DataTooLargeForTraining,
            PerUserAccess = file.PerUserAccess,
            FixedOutputFormat = file.FixedOutputFormat,
            DomainReasoning = file.DomainReasoning,
            LatencyRulesOutRetrieval = file.LatencyRulesOutRetrieval,
            MisunderstandsTerms = file.MisunderstandsTerms,
        };
    }

    /// <summary>Parses "weekly", "Daily" ...; null or blank is "not answered".</summary>
    public static KnowledgeChange? ParseChange(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<KnowledgeChange>(value.Trim(), ignoreCase: true, out var change) && Enum.IsDefined(change) ? change
        : throw new TandemException($"{where}: unknown knowledge change frequency '{value}'",
            "use one of: " + string.Join(", ", Enum.GetNames<KnowledgeChange>().Select(n => n.ToLowerInvariant())));

    /// <summary>YAML shape of the answers.</summary>
    private sealed class AnswersFile
    {
        public string? KnowledgeChanges { get; set; }
        public bool? CitationsRequired { get; set; }
        public bool? DataTooLargeForTraining { get; set; }
        public bool? PerUserAccess { get; set; }
        public bool? FixedOutputFormat { get; set; }
        public bool? DomainReasoning { get; set; }
        public bool? LatencyRulesOutRetrieval { get; set; }
        public bool? MisunderstandsTerms { get; set; }
    }
}
