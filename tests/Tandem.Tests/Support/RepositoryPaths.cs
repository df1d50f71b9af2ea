namespace Tandem.Tests.Support;

/// <summary>Files of the repository the tests read: samples, the shipped model and playbook.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "contracts");

    public static string Playbook => Path.Combine(Root, "samples", "playbook", "standard-playbook.yaml");

    public static string Model => Path.Combine(Root, "models", "local-analyst.zip");

    public static string Sample(string name) => Path.Combine(Samples, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tandem.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tandem.slnx not found above " + AppContext.BaseDirectory);
    }
}
