using System.Diagnostics;
using System.Globalization;

namespace Tandem.Cli;

/// <summary>
/// With <c>TANDEM_STARTUP_TRACE=1</c>, prints to stderr at exit where a command's time went: each
/// of Tandem's spans (model load, featurising, ...) with its start and length, the process's wall
/// and CPU time, the methods compiled at run time (what ReadyToRun could not precompile: mostly the
/// framework's generics over value types) and the time spent compiling them, and every assembly
/// loaded. Start-up cost is measured with it, and a heavy dependency that creeps back into a short
/// command shows in the assembly list.
/// </summary>
internal sealed class StartupTrace : IDisposable
{
    private readonly TextWriter _error;
    private readonly ActivityListener _listener;
    private readonly DateTime _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private readonly List<string> _spans = [];
    private readonly Dictionary<Activity, TimeSpan> _cpuAtStart = [];

    private StartupTrace(TextWriter error)
    {
        _error = error;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TandemTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                lock (_spans)
                {
                    _cpuAtStart[activity] = ProcessorTime();
                }
            },
            ActivityStopped = activity =>
            {
                lock (_spans)
                {
                    var cpu = ProcessorTime() - _cpuAtStart.GetValueOrDefault(activity);
                    _spans.Add(string.Create(CultureInfo.InvariantCulture,
                        $"trace: {activity.DisplayName} at {Milliseconds(activity.StartTimeUtc - _processStart)} ms took {Milliseconds(activity.Duration)} ms, cpu {Milliseconds(cpu)} ms"));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _spans.Add(string.Create(CultureInfo.InvariantCulture, $"trace: main at {Milliseconds(DateTime.UtcNow - _processStart)} ms"));
    }

    /// <summary>A trace when the environment asks for one, otherwise null.</summary>
    public static StartupTrace? StartIfAsked(TextWriter error) =>
        Environment.GetEnvironmentVariable("TANDEM_STARTUP_TRACE") == "1" ? new StartupTrace(error) : null;

    public void Dispose()
    {
        _listener.Dispose();
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal).ToList();
        foreach (var line in _spans)
        {
            _error.WriteLine(line);
        }

        _error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace: exit at {Milliseconds(DateTime.UtcNow - _processStart)} ms, cpu {Milliseconds(ProcessorTime())} ms, jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {Milliseconds(System.Runtime.JitInfo.GetCompilationTime())} ms"));
        _error.WriteLine($"trace: assemblies ({assemblies.Count}): {string.Join(", ", assemblies)}");
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
