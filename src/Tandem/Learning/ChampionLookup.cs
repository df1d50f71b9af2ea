using Tandem.Analysis;

namespace Tandem.Learning;

/// <summary>
/// The one way to find the model in service: a backend's champion in the registry. For the local
/// analyst that is the shipped model until a candidate passes the gate (the registry registers the
/// shipped model as the first champion), so what 'analyze' uses and what 'models promote' replaces
/// are the same model.
/// </summary>
public static class ChampionLookup
{
    /// <summary>The backend's champion, or null when it has none.</summary>
    public static async Task<RegisteredModel?> FindChampionAsync(this IModelRegistry registry, string backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return (await registry.ListAsync(cancellationToken)).FirstOrDefault(m => m.Backend == backend && m.Status == ModelStatus.Champion);
    }

    /// <summary>
    /// The local analyst that reviews contracts: the local champion, named by its registry id;
    /// the shipped model file when the registry has no local champion (its file is missing).
    /// </summary>
    public static async Task<LocalAnalyst> LoadLocalChampionAsync(this IModelRegistry registry, CancellationToken cancellationToken = default)
    {
        var champion = await registry.FindChampionAsync(LocalFineTuneBackend.BackendName, cancellationToken);
        return champion is null ? LocalAnalyst.Load(LocalAnalyst.DefaultPath()) : LocalAnalyst.Load(champion.Location, champion.Id);
    }
}
