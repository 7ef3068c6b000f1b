using System.Collections.Concurrent;

namespace Telemetry.Agent.Collectors;

/// <summary>A collector's accounting. Thread-safe.</summary>
public sealed class CollectorCounters
{
    private readonly ConcurrentDictionary<(string Field, BlankReason Reason), long> _blanks = new();
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _collections;
    private long _readings;

    /// <summary>Collections that succeeded.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    /// <summary>GPU readings produced.</summary>
    public long Readings => Interlocked.Read(ref _readings);

    /// <summary>Values dropped as DCGM or NVML "no value" sentinels, by field (canonical name) and reason.</summary>
    public IReadOnlyDictionary<(string Field, BlankReason Reason), long> Blanks => _blanks;

    /// <summary>Failed collections and rejected input, by cause (<c>timeout</c>, <c>too-large</c>, <c>http-503</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Counts a successful collection of this many GPU readings.</summary>
    public void Collected(int readings)
    {
        Interlocked.Increment(ref _collections);
        Interlocked.Add(ref _readings, readings);
    }

    /// <summary>Counts a sentinel value dropped.</summary>
    public void Blank(string field, BlankReason reason) => _blanks.AddOrUpdate((field, reason), 1, (_, n) => n + 1);

    /// <summary>Counts a failure by cause.</summary>
    public void Error(string cause) => _errors.AddOrUpdate(cause, 1, (_, n) => n + 1);
}
