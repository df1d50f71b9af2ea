using Tandem.Analysis;

namespace Tandem.Server.Reviews;

/// <summary>The playbooks a server (or worker) reviews with: the shipped standard one and the YAML files of <see cref="FolderKey"/>.</summary>
public static class ServerPlaybooks
{
    /// <summary>The configuration key naming the folder of the firm's playbooks (every node reads it at the same path).</summary>
    public const string FolderKey = "Tandem:Server:Playbooks:Folder";

    /// <summary>Loads and validates every playbook now, so a bad file stops the start with one line naming it, and registers them.</summary>
    public static IServiceCollection AddTandemPlaybooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSingleton(NamedPlaybooks.Load(PlaybookLoader.DefaultPath(), configuration[FolderKey]));
    }
}
