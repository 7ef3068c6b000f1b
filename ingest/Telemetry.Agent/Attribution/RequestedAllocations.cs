using System.Collections.Concurrent;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Attribution;

/// <summary>Allocation events asked for explicitly (a Slurm prolog or epilog through the agent's local endpoint), sent in the order they came.</summary>
public sealed class RequestedAllocations : IAllocationSource
{
    private readonly ConcurrentQueue<AllocationEvent> _queue = new();

    /// <inheritdoc />
    public string Name => "requested";

    /// <summary>Queues an event for the next poll.</summary>
    public void Enqueue(AllocationEvent allocation) => _queue.Enqueue(allocation ?? throw new ArgumentNullException(nameof(allocation)));

    /// <inheritdoc />
    public IReadOnlyList<AllocationEvent> Poll(DateTimeOffset now)
    {
        var events = new List<AllocationEvent>();
        while (_queue.TryDequeue(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
