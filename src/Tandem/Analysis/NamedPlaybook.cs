namespace Tandem.Analysis;

/// <summary>One of a server's playbooks: the name it is chosen by, its file, and the playbook itself (its own name and version).</summary>
public sealed record NamedPlaybook(string Name, string Path, Playbook Playbook);
