namespace Telemetry.Analytics.Influx;

/// <summary>What the InfluxDB sink has done; safe to read from any thread.</summary>
public sealed class InfluxSinkCounters
{
    private long _pointsWritten;
    private long _nonFiniteDropped;
    private long _deadLettered;
    private long _retries;
    private long _batches;
    private long _windows;
    private long _lastLatencyTicks;
    private long _latencyTicks;

    /// <summary>Points the server acknowledged.</summary>
    public long PointsWritten => Interlocked.Read(ref _pointsWritten);

    /// <summary>Field values left out on purpose because they were NaN or infinite.</summary>
    public long NonFiniteDropped => Interlocked.Read(ref _nonFiniteDropped);

    /// <summary>Points written to the dead-letter file instead: malformed (HTTP 400) or with a tag line protocol cannot carry.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Write requests retried after a 5xx, 429 or timeout.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Write requests the server acknowledged.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Windows written whole.</summary>
    public long Windows => Interlocked.Read(ref _windows);

    /// <summary>How long the last window took to write, retries included.</summary>
    public TimeSpan LastWindowLatency => TimeSpan.FromTicks(Interlocked.Read(ref _lastLatencyTicks));

    /// <summary>How long the windows counted in <see cref="Windows"/> took to write, retries included, added up.</summary>
    public TimeSpan WindowLatency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));

    internal void Written(int points)
    {
        Interlocked.Add(ref _pointsWritten, points);
        Interlocked.Increment(ref _batches);
    }

    internal void NonFinite(int values) => Interlocked.Add(ref _nonFiniteDropped, values);

    internal void DeadLetter(int points) => Interlocked.Add(ref _deadLettered, points);

    internal void Retry() => Interlocked.Increment(ref _retries);

    internal void Window(TimeSpan latency)
    {
        Interlocked.Increment(ref _windows);
        Interlocked.Exchange(ref _lastLatencyTicks, latency.Ticks);
        Interlocked.Add(ref _latencyTicks, latency.Ticks);
    }
}
