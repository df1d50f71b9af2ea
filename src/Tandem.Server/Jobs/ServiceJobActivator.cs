using Hangfire;

namespace Tandem.Server.Jobs;

/// <summary>Builds a job's class from this server's own services, so two servers in one process (the tests) never share one.</summary>
internal sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
}
