namespace Tandem.Server.Apis;

/// <summary>A batch review of stored documents, sent as JSON (files are sent as multipart/form-data with the same option fields).</summary>
/// <param name="DocumentIds">The stored documents to review (see GET /api/documents).</param>
/// <param name="For">The party the reviews are for: a role or a name; default: each contract's receiving side.</param>
/// <param name="Type">The kind of every contract; default: detected per contract.</param>
/// <param name="IncludeInfo">Include informational findings; default true.</param>
/// <param name="Model">A configured LLM to review with; default: the local analyst.</param>
/// <param name="Strategy">With a model: few-shot or fine-tuned.</param>
/// <param name="Playbook">The playbook to review every contract with, by name (GET /api/playbooks); default: the standard one.</param>
public sealed record BatchBody(IReadOnlyList<string>? DocumentIds, string? For = null, string? Type = null, bool? IncludeInfo = null, string? Model = null,
    string? Strategy = null, string? Playbook = null)
{
    /// <summary>The review options, as a single review takes them.</summary>
    public ReviewBody Options => new(null, For, Type, IncludeInfo, Model, Strategy, Playbook);
}
