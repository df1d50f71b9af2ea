using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Learning;
using Tandem.Store;

namespace Tandem.Hosting;

/// <summary>The datasets' and evaluation's registrations: the services with <see cref="TandemServiceCollectionExtensions.AddTandem"/>, the dataset store with <see cref="TandemBuilder.UseSqlite"/>.</summary>
internal static class LearningRegistration
{
    /// <summary>The configuration key naming the folder that keeps built datasets (default: <c>datasets</c> beside the database).</summary>
    public const string DatasetsFolderKey = "Tandem:Datasets:Folder";

    public static IServiceCollection AddDatasetServices(this IServiceCollection services)
    {
        services.TryAddSingleton<DatasetService>();
        services.TryAddSingleton<Evaluation.CompareService>();
        return services;
    }

    public static IServiceCollection AddSqliteDatasets(this IServiceCollection services, IConfiguration configuration, string databasePath) =>
        services.AddSingleton<IDatasetStore>(sp => new SqliteDatasetStore(sp.GetRequiredService<SqliteDatabase>(),
            configuration[DatasetsFolderKey] is { Length: > 0 } folder ? folder : SqliteDatasetStore.DefaultFolder(databasePath)));
}
