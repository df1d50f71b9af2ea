namespace Tandem.Server.Tests;

/// <summary>A playbooks folder written by the tests: a firm's playbook that extends the standard one, removed on dispose.</summary>
internal sealed class FirmPlaybooks : IDisposable
{
    /// <summary>What a report made with the firm's playbook names in its header.</summary>
    public const string Header = "Firm NDA Playbook 3.1";

    /// <summary>What a report made with the shipped playbook names in its header.</summary>
    public const string StandardHeader = "Ashgrove & Tull Standard Commercial Playbook 2026.12";

    public FirmPlaybooks()
    {
        File.WriteAllText(Path.Combine(Folder, "firm-nda.yaml"), """
            name: Firm NDA Playbook
            version: "3.1"
            description: The firm's positions for confidentiality agreements.
            extends: standard
            rules:
              - category: Cap on Liability
                severity: critical
            """);
    }

    /// <summary>The folder, for <c>Tandem:Server:Playbooks:Folder</c>.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("tandem-playbooks-").FullName;

    /// <summary>The server's settings naming the folder, with <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] more) =>
        new[] { ("Tandem:Server:Playbooks:Folder", (string?)Folder) }.Concat(more).ToDictionary(p => p.Item1, p => p.Item2);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
