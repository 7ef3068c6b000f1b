using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Simulation;

/// <summary>
/// A simulated node behind the real agent loop: each collection advances the simulation one second and returns its
/// GPUs' readings; its jobs' allocations and throughput come through the same paths as a real node's.
/// </summary>
public sealed class SimulatedNodeCollector(FleetSimulation simulation, int node, ThroughputInbox throughput) : ISampleCollector, IAllocationSource
{
    private readonly List<AllocationEvent> _allocations = [];
    private readonly List<ThroughputEvent> _throughput = [];

    /// <inheritdoc />
    public string Name => "simulated";

    /// <inheritdoc />
    public CollectorCounters Counters { get; } = new();

    /// <inheritdoc />
    public ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken)
    {
        if (simulation.Finished)
        {
            return ValueTask.FromResult<IReadOnlyList<GpuReading>>([]);
        }

        var t = simulation.Tick();
        simulation.DrainEvents(node, _allocations, _throughput);
        foreach (var report in _throughput)
        {
            throughput.TryEnqueue(report);
        }

        _throughput.Clear();
        var readings = simulation.GpusOf(node)
            .Select(gpu => new GpuReading(gpu, simulation.ReadingsOf(gpu.Uuid), t))
            .ToList();
        Counters.Collected(readings.Count);
        return ValueTask.FromResult<IReadOnlyList<GpuReading>>(readings);
    }

    /// <inheritdoc />
    string IAllocationSource.Name => "simulated";

    /// <inheritdoc />
    public IReadOnlyList<AllocationEvent> Poll(DateTimeOffset now)
    {
        var events = _allocations.ToList();
        _allocations.Clear();
        return events;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
