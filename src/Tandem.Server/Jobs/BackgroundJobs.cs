using Hangfire;
using Hangfire.InMemory;

namespace Tandem.Server.Jobs;

/// <summary>
/// Background work on Hangfire, with in-memory storage on the embedded server. The storage and the
/// job activator are this server's own services rather than Hangfire's process-wide defaults, so
/// servers in one process keep their jobs apart. Registered once, whoever asks first.
/// </summary>
internal static class BackgroundJobs
{
    public static IServiceCollection AddTandemBackgroundJobs(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IGlobalConfiguration)))
        {
            return services;
        }

        // Registered before AddHangfire, whose own registrations only fill what is missing.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage());
        services.AddSingleton<JobActivator>(sp => new ServiceJobActivator(sp));
        services.AddHangfire(_ => { });
        // One worker: the jobs are long and CPU-bound, and the machine serves requests too.
        services.AddHangfireServer(options => options.WorkerCount = 1);
        return services;
    }
}
