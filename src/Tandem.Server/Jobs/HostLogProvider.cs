using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Tandem.Server.Jobs;

/// <summary>
/// Hangfire's logging through a host's loggers. Hangfire keeps one log provider for the process, set
/// by the last host that configured it; when that host is disposed while another still runs (the
/// tests host many servers in one process), its messages are dropped instead of failing the other
/// host's jobs and requests with <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggers);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Surviving(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Surviving(null);
        }
    }

    private sealed class Surviving(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
