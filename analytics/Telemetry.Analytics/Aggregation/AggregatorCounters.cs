namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// The aggregator's accounting of every sample row it received: aggregated, late, invalid or duplicate, and the
/// figures about intervals and throughput. Written by the aggregator's thread, read from any.
/// </summary>
public sealed class AggregatorCounters
{
    private long _future;
    private long _received, _aggregated, _late, _invalid, _duplicate, _lateIntervals, _counterResets, _handedOver;
    private long _throughputEvents, _lateTokens, _allocationEvents, _windowsClosed;

    /// <summary>Sample rows received in decodable batches.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Rows that went into a window.</summary>
    public long Aggregated => Volatile.Read(ref _aggregated);

    /// <summary>Rows whose window had already closed.</summary>
    public long Late => Volatile.Read(ref _late);

    /// <summary>Rows with an impossible time or identity, and rows of messages that could not be decoded (by their rows header).</summary>
    public long Invalid => Volatile.Read(ref _invalid);

    /// <summary>Rows at or before the GPU's previous sample time (a replay or a duplicate send).</summary>
    public long Duplicate => Volatile.Read(ref _duplicate);

    /// <summary>
    /// Rows counted as aggregated into windows that were then given up with their partition (revoked or lost) before
    /// they were written: the partition's new owner reads and counts them again. Across a consumer group, what was
    /// received = Σ (aggregated − handed over) + late + invalid + duplicate + future-dated.
    /// </summary>
    public long HandedOver => Volatile.Read(ref _handedOver);

    /// <summary>Intervals between samples whose window had closed by the time their end arrived.</summary>
    public long LateIntervals => Volatile.Read(ref _lateIntervals);

    /// <summary>Energy counter resets seen (driver reloads).</summary>
    public long CounterResets => Volatile.Read(ref _counterResets);

    /// <summary>Throughput events applied.</summary>
    public long ThroughputEvents => Volatile.Read(ref _throughputEvents);

    /// <summary>Tokens (or samples) reported for windows that had closed.</summary>
    public long LateTokens => Volatile.Read(ref _lateTokens);

    /// <summary>Allocation events applied.</summary>
    public long AllocationEvents => Volatile.Read(ref _allocationEvents);

    /// <summary>Windows closed.</summary>
    public long WindowsClosed => Volatile.Read(ref _windowsClosed);

    /// <summary>Samples dated further ahead of this host's clock than the allowed skew: quarantined, not merged.</summary>
    public long Future => Volatile.Read(ref _future);

    internal void AddFuture() => Volatile.Write(ref _future, _future + 1);
    internal void AddReceived(long n) => Volatile.Write(ref _received, _received + n);
    internal void AddAggregated(long n) => Volatile.Write(ref _aggregated, _aggregated + n);
    internal void AddLate() => Volatile.Write(ref _late, _late + 1);
    internal void AddInvalid() => Volatile.Write(ref _invalid, _invalid + 1);
    internal void AddInvalidRows(long n) => Volatile.Write(ref _invalid, _invalid + n);
    internal void AddDuplicate() => Volatile.Write(ref _duplicate, _duplicate + 1);

    internal void AddHandedOver(long rows) => Volatile.Write(ref _handedOver, _handedOver + rows);
    internal void AddLateInterval() => Volatile.Write(ref _lateIntervals, _lateIntervals + 1);
    internal void AddCounterReset() => Volatile.Write(ref _counterResets, _counterResets + 1);
    internal void AddThroughputEvent() => Volatile.Write(ref _throughputEvents, _throughputEvents + 1);
    internal void AddLateTokens(long n) => Volatile.Write(ref _lateTokens, _lateTokens + n);
    internal void AddAllocationEvent() => Volatile.Write(ref _allocationEvents, _allocationEvents + 1);
    internal void AddWindowClosed() => Volatile.Write(ref _windowsClosed, _windowsClosed + 1);
}
