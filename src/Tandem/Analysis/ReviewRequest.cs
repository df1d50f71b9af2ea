namespace Tandem.Analysis;

/// <summary>How to review a contract: the playbook, the options, and which analyst (the local one or a configured LLM).</summary>
public sealed record ReviewRequest
{
    /// <summary>Playbook YAML; null for the shipped standard playbook.</summary>
    public string? PlaybookPath { get; init; }

    /// <summary>The side under review, the contract kind, thresholds.</summary>
    public AnalysisOptions Options { get; init; } = new();

    /// <summary>A local analyst model file; null for the registry's local champion.</summary>
    public string? ModelFile { get; init; }

    /// <summary>A configured LLM (<c>Tandem:Models</c>) to review with instead of the local analyst; null for the local analyst.</summary>
    public string? Model { get; init; }

    /// <summary>With <see cref="Model"/>: the prompt strategy, a built-in name or a YAML file.</summary>
    public string Strategy { get; init; } = "few-shot";

    /// <summary>With <see cref="Model"/>: worked examples (JSON Lines) for few-shot prompts; null for the shipped sample set.</summary>
    public string? ExamplesPath { get; init; }
}
