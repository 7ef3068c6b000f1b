using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// Routes consumed messages into the aggregator: checks headers and sequences, decodes, holds a sample batch back
/// until its node's allocation events have been applied, and counts and skips what is bad (logging each cause once).
/// Knows, per partition, the lowest offset still needed, so offsets are stored only past finished work.
/// </summary>
internal sealed class MessageHandler(SampleAggregator aggregator, AggregatorOptions options, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<(string Agent, string Topic), long> _sequences = [];

    // One batch object for every sample message read in place.
    private readonly SampleBatchReader _reader = new();
    private readonly Dictionary<string, long> _appliedAllocations = new(StringComparer.Ordinal);

    // The agents whose messages came from each partition: what to forget of them when the partition goes.
    private readonly Dictionary<SourcePartition, HashSet<string>> _agentsBySource = [];
    private readonly Dictionary<string, Queue<(ConsumedMessage Message, long Needed)>> _parked = new(StringComparer.Ordinal);
    private readonly Dictionary<SourcePartition, long> _nextOffsets = [];
    private readonly Dictionary<SourcePartition, SortedDictionary<long, (string Job, string Node)>> _openAllocations = [];
    private readonly HashSet<string> _loggedCauses = new(StringComparer.Ordinal);
    private int _parkedCount;

    public ConsumerCounters Counters { get; } = new();

    public SampleAggregator Aggregator => aggregator;

    /// <summary>Handles one message.</summary>
    public void Handle(ConsumedMessage message)
    {
        Counters.AddConsumed();
        TrackOffset(message);
        if (!CheckSequence(message, out var agent))
        {
            return;
        }

        switch (message.Source.Topic)
        {
            case Topics.Samples:
                HandleSamples(message, agent);
                break;
            case Topics.Allocations:
                HandleAllocation(message, agent);
                break;
            case Topics.Throughput:
                HandleThroughput(message);
                break;
            default:
                Bad(message, "unknown-topic", $"topic '{message.Source.Topic}' is not part of the contract");
                break;
        }
    }

    /// <summary>Attributes batches that have waited longer than allowed for allocation events; returns how many.</summary>
    public int ReleaseOverdue()
    {
        var released = 0;
        foreach (var (agent, queue) in _parked)
        {
            while (queue.TryPeek(out var head) && time.GetElapsedTime(head.Message.ArrivedTimestamp) >= options.MaxAttributionWait)
            {
                queue.Dequeue();
                _parkedCount--;
                Counters.AddAttributionTimeout();
                Log.AttributionTimeout(logger, agent, time.GetElapsedTime(head.Message.ArrivedTimestamp).TotalSeconds, head.Needed, _appliedAllocations.GetValueOrDefault(agent));
                Aggregate(head.Message, attributionKnown: false);
                released++;
            }
        }

        // A partition whose batches wait here for their allocation events is not idle: its rows are still to come.
        foreach (var queue in _parked.Values)
        {
            foreach (var (message, _) in queue)
            {
                aggregator.WatermarkTracker.Backlogged(message.Source);
            }
        }

        Counters.SetParked(_parkedCount);
        return released;
    }

    /// <summary>Attributes every held-back batch with what is known: the end of a finite stream, when no allocation event can still come.</summary>
    public void ReleaseAll()
    {
        foreach (var queue in _parked.Values)
        {
            while (queue.TryDequeue(out var parked))
            {
                _parkedCount--;
                Counters.AddAttributionTimeout();
                Aggregate(parked.Message, attributionKnown: false);
            }
        }

        Counters.SetParked(_parkedCount);
    }

    /// <summary>Batches still held back.</summary>
    public int ParkedCount => _parkedCount;

    /// <summary>The offset up to which this partition's messages are fully reflected in written windows.</summary>
    public long? SafeOffset(SourcePartition source)
    {
        if (!_nextOffsets.TryGetValue(source, out var safe))
        {
            return null;
        }

        if (aggregator.LowestNeededOffset(source) is { } needed)
        {
            safe = Math.Min(safe, needed);
        }

        if (_openAllocations.TryGetValue(source, out var open) && open.Count > 0)
        {
            safe = Math.Min(safe, open.Keys.First());
        }

        foreach (var queue in _parked.Values)
        {
            foreach (var (message, _) in queue)
            {
                if (message.Source == source)
                {
                    safe = Math.Min(safe, message.Offset);
                }
            }
        }

        return safe;
    }

    /// <summary>
    /// Sets where a partition just assigned should resume: its committed offset. If the first message read there comes
    /// later, the messages in between are gone (retention deleted them before they were read), and they are counted as
    /// skipped offsets and logged with their range, like any other jump.
    /// </summary>
    public void ExpectOffset(SourcePartition source, long committed)
    {
        if (committed >= 0)
        {
            _nextOffsets.TryAdd(source, committed);
        }
    }

    /// <summary>Forgets a partition's offsets (revoked or lost).</summary>
    public void Forget(SourcePartition source)
    {
        _nextOffsets.Remove(source);
        _openAllocations.Remove(source);
        aggregator.Forget(source);

        // Whoever owns the partition next reads it again from the committed offset, this instance included: its
        // agents' sequences start afresh, and batches of it waiting for allocation events are read again, not kept.
        if (_agentsBySource.Remove(source, out var agents))
        {
            foreach (var agent in agents)
            {
                _sequences.Remove((agent, source.Topic));
                if (source.Topic == Topics.Allocations)
                {
                    _appliedAllocations.Remove(agent);
                }
            }
        }

        foreach (var queue in _parked.Values)
        {
            var kept = queue.Where(p => p.Message.Source != source).ToList();
            _parkedCount -= queue.Count - kept.Count;
            queue.Clear();
            foreach (var p in kept)
            {
                queue.Enqueue(p);
            }
        }

        Counters.SetParked(_parkedCount);
    }

    private void TrackOffset(ConsumedMessage message)
    {
        if (_nextOffsets.TryGetValue(message.Source, out var expected) && message.Offset > expected)
        {
            var skipped = message.Offset - expected;
            Counters.AddSkippedOffsets(skipped);
            Log.OffsetJump(logger, message.Source.ToString(), expected, message.Offset, skipped);
        }

        _nextOffsets[message.Source] = message.Offset + 1;
    }

    private bool CheckSequence(ConsumedMessage message, out string agent)
    {
        agent = message.Text(MessageHeaders.AgentId) ?? "";
        if (agent.Length == 0 || message.Number(MessageHeaders.Sequence) is not { } seq)
        {
            Bad(message, "missing-headers", "agent-id or seq header missing");
            return false;
        }

        // The sequence is recorded before the payload is judged, so a bad message counts as bad, not also as lost.
        var key = (agent, message.Source.Topic);
        if (_sequences.TryGetValue(key, out var last))
        {
            if (seq <= last)
            {
                Counters.AddDuplicate();
                return false;
            }

            if (seq > last + 1)
            {
                Counters.AddLost(seq - last - 1);
                Log.SequenceGap(logger, agent, message.Source.Topic, seq - last - 1, seq);
            }
        }

        _sequences[key] = seq;
        if (!_agentsBySource.TryGetValue(message.Source, out var agents))
        {
            agents = new HashSet<string>(StringComparer.Ordinal);
            _agentsBySource.Add(message.Source, agents);
        }

        agents.Add(agent);
        var version = message.Number(MessageHeaders.SchemaVersion);
        var expectedVersion = message.Source.Topic == Topics.Samples ? SampleSchema.Version : EventCodec.Version;
        if (version != expectedVersion)
        {
            Bad(message, "unsupported-version", version is null ? "no schema-version header" : $"schema version {version}; this build reads {expectedVersion}");
            return false;
        }

        return true;
    }

    private void HandleSamples(ConsumedMessage message, string agent)
    {
        var needed = message.Number(MessageHeaders.AllocationSequence) ?? 0;
        if (needed > _appliedAllocations.GetValueOrDefault(agent) && options.MaxAttributionWait > TimeSpan.Zero)
        {
            if (!_parked.TryGetValue(agent, out var queue))
            {
                queue = new Queue<(ConsumedMessage, long)>();
                _parked.Add(agent, queue);
            }

            // Kept past the next message consumed: its value must not lie in the consumer's reused buffer.
            queue.Enqueue((message.Owned(), needed));
            _parkedCount++;
            Counters.SetParked(_parkedCount);
            if (_parkedCount > options.MaxParkedBatches)
            {
                var oldest = _parked.Values.Where(q => q.Count > 0).MinBy(q => q.Peek().Message.ArrivedTimestamp)!.Dequeue();
                _parkedCount--;
                Counters.AddAttributionTimeout();
                Aggregate(oldest.Message, attributionKnown: false);
            }

            return;
        }

        Aggregate(message);
    }

    private void Aggregate(ConsumedMessage message, bool attributionKnown = true)
    {
        var before = Terms();
        try
        {
            if (message.Value is not { } payload)
            {
                Bad(message, "empty", "the message has no value");
                return;
            }

            using var batch = _reader.Read(payload);
            aggregator.AddSamples(batch, message.Source, message.Offset, attributionKnown);
        }
        catch (SampleDecodeException e)
        {
            Bad(message, Cause(e.Error), e.Message);
        }
        finally
        {
            // Per agent: what this message's rows came to, so that each agent's samples can be balanced on their own.
            var after = Terms();
            Counters.AddAgentSamples(message.Text(MessageHeaders.AgentId) ?? "", new AgentSamples(
                after.Aggregated - before.Aggregated, after.Late - before.Late, after.Invalid - before.Invalid, after.Duplicate - before.Duplicate, after.Future - before.Future));
        }
    }

    private AgentSamples Terms()
    {
        var c = aggregator.Counters;
        return new AgentSamples(c.Aggregated, c.Late, c.Invalid, c.Duplicate, c.Future);
    }

    private void HandleAllocation(ConsumedMessage message, string agent)
    {
        AllocationEvent allocation;
        try
        {
            allocation = EventCodec.DecodeAllocation(message.Value.GetValueOrDefault().Span);
        }
        catch (EventDecodeException e)
        {
            Bad(message, "bad-allocation", e.Message);
            return;
        }

        aggregator.AddAllocation(allocation);
        TrackOpenAllocation(message, allocation);
        _appliedAllocations[agent] = message.Number(MessageHeaders.Sequence)!.Value;
        if (_parked.TryGetValue(agent, out var queue))
        {
            while (queue.TryPeek(out var head) && head.Needed <= _appliedAllocations[agent])
            {
                queue.Dequeue();
                _parkedCount--;
                Aggregate(head.Message);
            }

            Counters.SetParked(_parkedCount);
        }
    }

    private void TrackOpenAllocation(ConsumedMessage message, AllocationEvent allocation)
    {
        if (!_openAllocations.TryGetValue(message.Source, out var open))
        {
            open = [];
            _openAllocations.Add(message.Source, open);
        }

        if (allocation.Type == AllocationEventType.Start)
        {
            open[message.Offset] = (allocation.JobId, allocation.Node);
        }
        else
        {
            foreach (var (offset, entry) in open)
            {
                if (entry.Job == allocation.JobId && entry.Node == allocation.Node)
                {
                    open.Remove(offset);
                    break;
                }
            }
        }
    }

    private void HandleThroughput(ConsumedMessage message)
    {
        try
        {
            aggregator.AddThroughput(EventCodec.DecodeThroughput(message.Value.GetValueOrDefault().Span), message.Source, message.Offset);
        }
        catch (EventDecodeException e)
        {
            Bad(message, "bad-throughput", e.Message);
        }
    }

    private void Bad(ConsumedMessage message, string cause, string problem, long? rows = null)
    {
        Counters.AddBad(cause);
        rows ??= message.Source.Topic == Topics.Samples ? message.Number(MessageHeaders.Rows) : null;
        if (rows is > 0)
        {
            aggregator.Counters.AddInvalidRows(rows.Value);
        }

        if (_loggedCauses.Add(cause))
        {
            Log.BadMessage(logger, message.Source.ToString(), message.Offset, cause, problem);
        }
    }

    private static string Cause(SampleDecodeError error) => error switch
    {
        SampleDecodeError.NotArrow => "not-arrow",
        SampleDecodeError.BatchCount => "batch-count",
        SampleDecodeError.UnsupportedVersion => "unsupported-version",
        SampleDecodeError.SchemaMismatch => "schema-mismatch",
        SampleDecodeError.TooLarge => "too-large",
        _ => "other",
    };
}
