using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Producing;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Simulation;

/// <summary>
/// Drives a <see cref="FleetSimulation"/> through one agent per node: each simulated second, every node's allocation
/// events go out first, then its readings join the node's batch, which is sent every <c>batchSeconds</c>.
/// Simulated time runs <c>speed</c> times faster than the clock, or as fast as it can when speed is 0.
/// </summary>
public sealed class SimulatedFleetRunner
{
    private readonly FleetSimulation _simulation;
    private readonly IProducer<string, byte[]> _producer;
    private readonly TimeProvider _time;
    private readonly double _speed;
    private readonly int _batchSeconds;
    private readonly SampleBatchBuilder[] _batches;
    private readonly ILogger _logger;

    /// <summary>Creates the runner and its agents (agent id = node name).</summary>
    public SimulatedFleetRunner(FleetSimulation simulation, IProducer<string, byte[]> producer, ILoggerFactory loggers, TimeProvider time, double speed, int batchSeconds)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentOutOfRangeException.ThrowIfNegative(speed);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSeconds, 1);
        _simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        _producer = producer ?? throw new ArgumentNullException(nameof(producer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _speed = speed;
        _batchSeconds = batchSeconds;
        _logger = loggers.CreateLogger<SimulatedFleetRunner>();
        var agentLogger = loggers.CreateLogger<TelemetryAgent>();
        Agents = [.. Enumerable.Range(0, simulation.NodeCount).Select(n => new TelemetryAgent(FleetSimulation.NodeName(n), FleetSimulation.NodeName(n), producer, agentLogger))];
        _batches = [.. Agents.Select(_ => new SampleBatchBuilder())];
    }

    /// <summary>One agent per node, in node order.</summary>
    public IReadOnlyList<TelemetryAgent> Agents { get; }

    /// <summary>Sample rows the broker acknowledged, over all agents.</summary>
    public long RowsDelivered => Agents.Sum(a => a.Counters.RowsDelivered);

    /// <summary>Sample rows whose delivery failed, over all agents.</summary>
    public long RowsFailed => Agents.Sum(a => a.Counters.RowsFailed);

    /// <summary>Runs the simulation to its end, then flushes the producer.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var allocations = new List<AllocationEvent>();
        var throughput = new List<ThroughputEvent>();
        var wallStart = _time.GetTimestamp();
        var ticks = 0L;
        while (!_simulation.Finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _simulation.Tick();
            ticks++;
            var sendNow = ticks % _batchSeconds == 0 || _simulation.Finished;
            for (var node = 0; node < Agents.Count; node++)
            {
                var agent = Agents[node];
                _simulation.DrainEvents(node, allocations, throughput);
                if (allocations.Count > 0)
                {
                    // A batch built before this allocation must leave first, so its alloc-seq stays true.
                    agent.PublishSamples(_batches[node]);
                }

                allocations.ForEach(agent.PublishAllocation);
                throughput.ForEach(agent.PublishThroughput);
                allocations.Clear();
                throughput.Clear();
                _simulation.AppendSamples(node, _batches[node]);
                if (sendNow)
                {
                    agent.PublishSamples(_batches[node]);
                }
            }

            _producer.Poll(TimeSpan.Zero);
            await PaceAsync(wallStart, ticks, cancellationToken).ConfigureAwait(false);
        }

        await Task.Run(() => Flush(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private void Flush(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var pending = _producer.Flush(TimeSpan.FromSeconds(60));
        if (pending > 0)
        {
            Log.FlushIncomplete(_logger, "fleet", pending, _time.GetElapsedTime(started).TotalSeconds);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task PaceAsync(long wallStart, long ticks, CancellationToken cancellationToken)
    {
        if (_speed == 0)
        {
            return;
        }

        var due = TimeSpan.FromSeconds(ticks / _speed) - _time.GetElapsedTime(wallStart);
        if (due > TimeSpan.FromMilliseconds(5))
        {
            await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
