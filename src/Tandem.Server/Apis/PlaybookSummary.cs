namespace Tandem.Server.Apis;

/// <summary>One of the server's playbooks, as <c>GET /api/playbooks</c> lists it.</summary>
/// <param name="Name">What a review request names it by (<c>playbook</c>): <c>standard</c>, or the file's name in the playbooks folder.</param>
/// <param name="Title">The playbook's own name.</param>
/// <param name="Version">The playbook's version, as a report's header shows it.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Rules">How many categories it has a rule for.</param>
public sealed record PlaybookSummary(string Name, string Title, string Version, string? Description, int Rules);
