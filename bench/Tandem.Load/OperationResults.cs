using System.Collections.Concurrent;
using System.Globalization;

namespace Tandem.Load;

/// <summary>Latencies and errors of one operation, safe to add to from many clients.</summary>
internal sealed class OperationResults
{
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public int Errors => _errors.Count;

    public IEnumerable<string> FirstErrors => _errors.Distinct().Take(3);

    public void Add(TimeSpan latency, string? error)
    {
        _milliseconds.Enqueue(latency.TotalMilliseconds);
        if (error is not null)
        {
            _errors.Enqueue(error);
        }
    }

    public static OperationResults Merge(IEnumerable<OperationResults> parts)
    {
        var all = new OperationResults();
        foreach (var part in parts)
        {
            foreach (var ms in part._milliseconds)
            {
                all._milliseconds.Enqueue(ms);
            }

            foreach (var e in part._errors)
            {
                all._errors.Enqueue(e);
            }
        }

        return all;
    }

    public string Row(string name, TimeSpan elapsed)
    {
        var sorted = _milliseconds.Order().ToArray();
        string P(double q) => sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)].ToString("0.0", CultureInfo.InvariantCulture);
        var rate = (sorted.Length / elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
        return $"| {name} | {sorted.Length} | {rate} | {P(0.5)} | {P(0.99)} | {P(1)} | {Errors} |";
    }
}
