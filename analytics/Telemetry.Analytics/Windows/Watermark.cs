namespace Telemetry.Analytics.Windows;

/// <summary>
/// Event-time progress: the lowest of the latest event times of the partitions still sending. A partition silent for
/// longer than the idle timeout (processing time) stops holding it back. Never moves backwards.
/// </summary>
internal sealed class Watermark(TimeProvider time, TimeSpan idleTimeout)
{
    private readonly Dictionary<SourcePartition, (long MaxEventTime, long LastSeen)> _partitions = [];

    /// <summary>The current watermark, Unix milliseconds; <see cref="long.MinValue"/> before any data.</summary>
    public long Value { get; private set; } = long.MinValue;

    public void Observe(SourcePartition source, long eventTime)
    {
        var now = time.GetTimestamp();
        _partitions[source] = _partitions.TryGetValue(source, out var p)
            ? (Math.Max(p.MaxEventTime, eventTime), now)
            : (eventTime, now);
    }

    /// <summary>
    /// Takes time the consumer could not listen off every partition's silence: time spent writing windows to a sink, or
    /// held paused while a sink is down, is the consumer's doing, and must not make partitions look idle, let the
    /// watermark run ahead and turn their data late.
    /// </summary>
    public void Excuse(TimeSpan busy)
    {
        if (busy <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetTimestamp();
        var ticks = (long)(busy.TotalSeconds * time.TimestampFrequency);
        foreach (var source in _partitions.Keys.ToList())
        {
            var p = _partitions[source];
            _partitions[source] = (p.MaxEventTime, Math.Min(now, p.LastSeen + ticks));
        }
    }

    /// <summary>
    /// Registers a partition just assigned: until it delivers, or stays silent past the idle timeout, it holds the
    /// watermark where it is, so that the partitions that happen to deliver first cannot close windows it still has
    /// data for.
    /// </summary>
    public void Expect(SourcePartition source)
    {
        if (!_partitions.ContainsKey(source))
        {
            _partitions[source] = (long.MinValue, time.GetTimestamp());
        }
    }

    /// <summary>
    /// Keeps a partition with messages waiting to be read from looking idle: its silence is the consumer busy with other
    /// partitions (a large fetch of another, a slow machine), not a partition with nothing to send. Without this, a
    /// partition read a little later than the others would stop holding the watermark, and its windows would close
    /// before its data was read.
    /// </summary>
    public void Backlogged(SourcePartition source)
    {
        if (_partitions.TryGetValue(source, out var p))
        {
            _partitions[source] = (p.MaxEventTime, time.GetTimestamp());
        }
    }

    /// <summary>Forgets a partition (revoked or lost).</summary>
    public void Remove(SourcePartition source) => _partitions.Remove(source);

    /// <summary>Recomputes the watermark and returns it.</summary>
    public long Advance()
    {
        long active = long.MaxValue, all = long.MinValue;
        foreach (var (_, p) in _partitions)
        {
            all = Math.Max(all, p.MaxEventTime);
            if (time.GetElapsedTime(p.LastSeen) < idleTimeout)
            {
                active = Math.Min(active, p.MaxEventTime);
            }
        }

        var candidate = active != long.MaxValue ? active : all;
        Value = Math.Max(Value, candidate);
        return Value;
    }
}
