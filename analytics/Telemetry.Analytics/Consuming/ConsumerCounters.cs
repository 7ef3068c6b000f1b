using System.Collections.Concurrent;

namespace Telemetry.Analytics.Consuming;

/// <summary>Message-level accounting of the consumer. Written by the consumer thread, read from any.</summary>
public sealed class ConsumerCounters
{
    private readonly ConcurrentDictionary<string, long> _bad = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentSamples> _byAgent = new(StringComparer.Ordinal);

    /// <summary>Per agent (its agent-id header), where its sample rows went here.</summary>
    public IReadOnlyDictionary<string, AgentSamples> SamplesByAgent => _byAgent;

    internal void AddAgentSamples(string agent, AgentSamples samples) => _byAgent.AddOrUpdate(agent, samples, (_, known) => known.Plus(samples));
    private long _consumed, _lostMessages, _duplicateMessages, _parked, _attributionTimeouts, _skippedOffsets, _lag;

    /// <summary>Messages consumed, every topic.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>Messages skipped as bad, by cause (not-arrow, unsupported-version, ...).</summary>
    public IReadOnlyDictionary<string, long> BadMessages => _bad;

    /// <summary>All bad messages.</summary>
    public long BadMessagesTotal => _bad.Values.Sum();

    /// <summary>Messages missing from an agent's sequence (sent but never received).</summary>
    public long LostMessages => Interlocked.Read(ref _lostMessages);

    /// <summary>Messages received again with a sequence number already seen; skipped.</summary>
    public long DuplicateMessages => Interlocked.Read(ref _duplicateMessages);

    /// <summary>Sample batches waiting for their node's allocation events now.</summary>
    public long Parked => Interlocked.Read(ref _parked);

    /// <summary>Batches attributed after waiting the longest allowed for allocation events that never came.</summary>
    public long AttributionTimeouts => Interlocked.Read(ref _attributionTimeouts);

    /// <summary>Offsets the consumer jumped over (retention or a reset): data lost before it was read.</summary>
    public long SkippedOffsets => Interlocked.Read(ref _skippedOffsets);

    /// <summary>Messages behind the end of the assigned partitions, at the last look.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    internal void AddConsumed() => Interlocked.Increment(ref _consumed);
    internal void AddBad(string cause) => _bad.AddOrUpdate(cause, 1, (_, n) => n + 1);
    internal void AddLost(long n) => Interlocked.Add(ref _lostMessages, n);
    internal void AddDuplicate() => Interlocked.Increment(ref _duplicateMessages);
    internal void SetParked(long n) => Interlocked.Exchange(ref _parked, n);
    internal void AddAttributionTimeout() => Interlocked.Increment(ref _attributionTimeouts);
    internal void AddSkippedOffsets(long n) => Interlocked.Add(ref _skippedOffsets, n);
    internal void SetLag(long n) => Interlocked.Exchange(ref _lag, n);
}
