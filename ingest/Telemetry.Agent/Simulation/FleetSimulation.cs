using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Simulation;

/// <summary>
/// A simulated GPU fleet that advances one second per <see cref="Tick"/>. Each tick yields every GPU's readings, the
/// allocation events of jobs that start or stop, and the throughput that inference jobs report every ten seconds.
/// It keeps the truth: each job's energy (the energy counter's advance over each second the job held the GPU) and
/// tokens, so that tests and the demo can check the pipeline's answer. Deterministic for a seed. Not thread-safe.
/// </summary>
public sealed class FleetSimulation
{
    private const long ThroughputIntervalMs = 10_000;
    private readonly FleetSimulationOptions _options;
    private readonly IReadOnlyList<SimulatedGpu> _gpus;
    private readonly SimulatedJob?[] _jobOfGpu;
    private readonly List<SimulatedJob>[] _jobsByGpu;
    private readonly Dictionary<string, JobTruth> _truth;
    private readonly Dictionary<string, (long From, long Count)> _pendingThroughput = new(StringComparer.Ordinal);
    private readonly List<AllocationEvent>[] _allocations;
    private readonly List<ThroughputEvent>[] _throughput;

    /// <summary>Lays out the fleet; the first tick is at <see cref="FleetSimulationOptions.Start"/>.</summary>
    public FleetSimulation(FleetSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        (_gpus, Jobs) = FleetLayout.Build(options);
        StartUnixMs = options.Start.ToUnixTimeMilliseconds();
        EndUnixMs = StartUnixMs + (long)options.Duration.TotalMilliseconds;
        NextUnixMs = StartUnixMs;
        _jobOfGpu = new SimulatedJob?[_gpus.Count];
        _jobsByGpu = [.. _gpus.Select(_ => new List<SimulatedJob>())];
        foreach (var job in Jobs)
        {
            foreach (var gpu in job.Gpus)
            {
                _jobsByGpu[gpu].Add(job);
            }
        }

        _truth = Jobs.ToDictionary(j => j.Id, j => new JobTruth(j), StringComparer.Ordinal);
        _allocations = [.. Enumerable.Range(0, options.Nodes).Select(_ => new List<AllocationEvent>())];
        _throughput = [.. Enumerable.Range(0, options.Nodes).Select(_ => new List<ThroughputEvent>())];
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _options.Nodes;

    /// <summary>Jobs, with their GPUs and times.</summary>
    public IReadOnlyList<SimulatedJob> Jobs { get; }

    /// <summary>Each job's true energy, tokens and GPU-seconds so far, by job id.</summary>
    public IReadOnlyDictionary<string, JobTruth> Truth => _truth;

    /// <summary>The whole fleet's energy so far, in millijoules.</summary>
    public long FleetEnergyMilliJoules { get; private set; }

    /// <summary>Samples produced so far (one per GPU per tick).</summary>
    public long SamplesProduced { get; private set; }

    /// <summary>First simulated time.</summary>
    public long StartUnixMs { get; }

    /// <summary>Last simulated time (inclusive: its samples close the last second).</summary>
    public long EndUnixMs { get; }

    /// <summary>The time the next tick simulates.</summary>
    public long NextUnixMs { get; private set; }

    /// <summary>Time of the latest tick.</summary>
    public long CurrentUnixMs => NextUnixMs - 1000;

    /// <summary>Whether every second up to <see cref="EndUnixMs"/> has been simulated.</summary>
    public bool Finished => NextUnixMs > EndUnixMs;

    /// <summary>Name of a node.</summary>
    public static string NodeName(int node) => FleetLayout.NodeName(node);

    /// <summary>Identities of a node's GPUs.</summary>
    public IEnumerable<GpuIdentity> GpusOf(int node) => _gpus.Where(g => g.Node == node).Select(g => g.Identity);

    /// <summary>All GPU identities.</summary>
    public IEnumerable<GpuIdentity> AllGpus => _gpus.Select(g => g.Identity);

    /// <summary>A copy of a GPU's readings at the latest tick, by UUID.</summary>
    public double?[] ReadingsOf(string uuid) => (double?[])_gpus.First(g => g.Identity.Uuid == uuid).Readings.Clone();

    /// <summary>The model of a GPU, by UUID.</summary>
    public GpuModelSpec ModelOf(string uuid) => _gpus.First(g => g.Identity.Uuid == uuid).Model;

    /// <summary>Simulates the next second and returns its time.</summary>
    /// <exception cref="InvalidOperationException">The simulation has finished.</exception>
    public long Tick()
    {
        if (Finished)
        {
            throw new InvalidOperationException("The simulation has finished.");
        }

        var t = NextUnixMs;
        EmitAllocations(t);
        EmitThroughput(t);
        foreach (var gpu in _gpus)
        {
            var job = ActiveJob(gpu.GlobalIndex, t);
            var power = GpuBehaviour.Read(gpu, job, t, _options.Seed);
            if (!double.IsNaN(gpu.LastPowerWatts))
            {
                // The counter advances by the trapezoid of power over the second that just ended; the job that held
                // the GPU at that second's start is charged, as the pipeline charges it.
                var delta = (long)Math.Round((gpu.LastPowerWatts + power) * 500);
                gpu.EnergyMilliJoules += delta;
                FleetEnergyMilliJoules += delta;
                if (gpu.LastJob is { } previous)
                {
                    _truth[previous.Id].EnergyMilliJoules += delta;
                    _truth[previous.Id].GpuSeconds++;
                }
            }

            gpu.Readings[Contract.Fields.FieldOrdinals.TotalEnergyConsumption] = gpu.EnergyMilliJoules;
            gpu.LastPowerWatts = power;
            gpu.LastJob = t < EndUnixMs ? job : null;
            AccrueTokens(gpu, job, t);
        }

        SamplesProduced += _gpus.Count;
        NextUnixMs = t + 1000;
        return t;
    }

    /// <summary>Appends the latest tick's readings of a node's GPUs.</summary>
    public void AppendSamples(int node, SampleBatchBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var first = node * _options.GpusPerNode;
        for (var g = first; g < first + _options.GpusPerNode; g++)
        {
            builder.Append(CurrentUnixMs, _gpus[g].Identity, _gpus[g].Readings);
        }
    }

    /// <summary>Moves the node's pending allocation and throughput events into the lists.</summary>
    public void DrainEvents(int node, List<AllocationEvent> allocations, List<ThroughputEvent> throughput)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(throughput);
        allocations.AddRange(_allocations[node]);
        _allocations[node].Clear();
        throughput.AddRange(_throughput[node]);
        _throughput[node].Clear();
    }

    private SimulatedJob? ActiveJob(int gpu, long t)
    {
        var current = _jobOfGpu[gpu];
        if (current is not null && current.IsActiveAt(t))
        {
            return current;
        }

        current = null;
        foreach (var job in _jobsByGpu[gpu])
        {
            if (job.IsActiveAt(t))
            {
                current = job;
                break;
            }
        }

        _jobOfGpu[gpu] = current;
        return current;
    }

    private void EmitAllocations(long t)
    {
        foreach (var job in Jobs)
        {
            var type = job.StartUnixMs == t ? AllocationEventType.Start
                : job.StopUnixMs == t || (t == EndUnixMs && job.StopUnixMs > t) ? AllocationEventType.Stop
                : (AllocationEventType?)null;
            if (type is null)
            {
                continue;
            }

            foreach (var byNode in job.Gpus.GroupBy(g => _gpus[g].Node))
            {
                _allocations[byNode.Key].Add(new AllocationEvent(
                    type.Value,
                    DateTimeOffset.FromUnixTimeMilliseconds(t),
                    NodeName(byNode.Key),
                    [.. byNode.Select(g => _gpus[g].Identity.Uuid)],
                    job.Id,
                    job.User,
                    job.Team));
            }
        }
    }

    private void EmitThroughput(long t)
    {
        foreach (var (jobId, pending) in _pendingThroughput.ToArray())
        {
            var job = _truth[jobId].Job;
            if (t - pending.From >= ThroughputIntervalMs || !job.IsActiveAt(t) || t == EndUnixMs)
            {
                _throughput[_gpus[job.Gpus[0]].Node].Add(new ThroughputEvent(
                    jobId, DateTimeOffset.FromUnixTimeMilliseconds(pending.From), DateTimeOffset.FromUnixTimeMilliseconds(t), pending.Count, "tokens"));
                _truth[jobId].Tokens += pending.Count;
                _pendingThroughput.Remove(jobId);
            }
        }
    }

    private void AccrueTokens(SimulatedGpu gpu, SimulatedJob? job, long t)
    {
        if (job is not { Kind: SimulatedJobKind.Inference } || t >= EndUnixMs)
        {
            return;
        }

        var tokens = (long)Math.Round(GpuBehaviour.InferenceLoad(gpu, t / 1000, _options.Seed) * gpu.Model.TokensPerSecondAtFullLoad);
        _pendingThroughput[job.Id] = _pendingThroughput.TryGetValue(job.Id, out var pending)
            ? (pending.From, pending.Count + tokens)
            : (t, tokens);
    }
}
