using System.Collections.Concurrent;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Throughput;

/// <summary>Throughput reports waiting to be sent, from the local endpoint and from inference-server scrapes. Bounded: past the cap, reports are refused and counted.</summary>
public sealed class ThroughputInbox(int capacity = 100_000)
{
    private readonly ConcurrentQueue<ThroughputEvent> _queue = new();
    private long _refused;

    /// <summary>Reports refused because the queue was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Queues a report; false when the queue is full.</summary>
    public bool TryEnqueue(ThroughputEvent report)
    {
        if (_queue.Count >= capacity)
        {
            Interlocked.Increment(ref _refused);
            return false;
        }

        _queue.Enqueue(report);
        return true;
    }

    /// <summary>Takes the next report.</summary>
    public bool TryDequeue(out ThroughputEvent report) => _queue.TryDequeue(out report!);
}
