namespace Tandem.Server.Apis;

/// <summary>A review of a stored document, sent as JSON (a file is sent as multipart/form-data with the same fields).</summary>
/// <param name="DocumentId">The stored document to review.</param>
/// <param name="For">The party the review is for: a role (customer, provider, licensee ...) or a name; default: the receiving side.</param>
/// <param name="Type">The kind of contract (e.g. saas, nda, msa, or other); default: detected.</param>
/// <param name="IncludeInfo">Include informational findings (parties, dates, governing law); default true.</param>
/// <param name="Model">A configured LLM to review with; default: the local analyst.</param>
/// <param name="Strategy">With a model: few-shot or fine-tuned.</param>
/// <param name="Playbook">The playbook to review with, by name (GET /api/playbooks); default: the standard one.</param>
public sealed record ReviewBody(string? DocumentId, string? For = null, string? Type = null, bool? IncludeInfo = null, string? Model = null, string? Strategy = null,
    string? Playbook = null);
