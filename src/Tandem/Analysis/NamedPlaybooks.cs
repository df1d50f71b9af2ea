namespace Tandem.Analysis;

/// <summary>
/// The playbooks a server reviews with, by name: the shipped standard one (<see cref="Standard"/>)
/// and every <c>*.yaml</c> / <c>*.yml</c> file of a folder, named by its file name. All are loaded
/// and validated when the catalog is made, so a bad file stops the server at start with its error
/// rather than failing the first review that asks for it.
/// </summary>
public sealed class NamedPlaybooks
{
    /// <summary>The name of the shipped playbook, the default.</summary>
    public const string Standard = "standard";

    private readonly Dictionary<string, NamedPlaybook> _byName;

    private NamedPlaybooks(IReadOnlyList<NamedPlaybook> all)
    {
        All = all;
        _byName = all.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every playbook, the standard one first, then by name.</summary>
    public IReadOnlyList<NamedPlaybook> All { get; }

    /// <summary>
    /// Loads the standard playbook from <paramref name="standardPath"/> and the playbooks of
    /// <paramref name="folder"/> (none when null); a missing folder, a file that does not load,
    /// or two files of the same name is a <see cref="TandemException"/> naming it.
    /// </summary>
    public static NamedPlaybooks Load(string standardPath, string? folder)
    {
        var all = new List<NamedPlaybook> { new(Standard, standardPath, PlaybookLoader.Load(standardPath)) };
        if (string.IsNullOrWhiteSpace(folder))
        {
            return new NamedPlaybooks(all);
        }

        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new TandemException($"the playbooks folder {full} does not exist", "create it and put the firm's playbook YAML files in it, or unset Tandem:Server:Playbooks:Folder");
        }

        var files = Directory.EnumerateFiles(full)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (all.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new TandemException($"playbook {file} is named '{name}', which another playbook has already",
                    $"rename the file ('{Standard}' is the shipped playbook's name)");
            }

            Playbook playbook;
            try
            {
                playbook = PlaybookLoader.Load(file);
            }
            catch (TandemException e)
            {
                throw new TandemException($"{file}: {e.Message}", e.Hint, e);
            }

            all.Add(new NamedPlaybook(name, file, playbook));
        }

        return new NamedPlaybooks([all[0], .. all.Skip(1).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The playbook called <paramref name="name"/>; the standard one when it is null or blank.</summary>
    public NamedPlaybook Get(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return All[0];
        }

        return _byName.TryGetValue(name.Trim(), out var playbook)
            ? playbook
            : throw new TandemException($"unknown playbook '{name.Trim()}'", $"use one of: {string.Join(", ", All.Select(p => p.Name))} (GET /api/playbooks)");
    }

    /// <summary>The name of the playbook at <paramref name="path"/> (a review request's), the standard one when it is null; null when it is none of these.</summary>
    public string? NameOf(string? path) =>
        path is null ? Standard : All.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal))?.Name;
}
