using Telemetry.Agent.Simulation;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>
/// A simulation run to its end, with every reading as a consumer would see it (each tick's rows built, encoded and
/// decoded through the wire codec) and every event it drained.
/// </summary>
internal sealed class RecordedRun
{
    private readonly Dictionary<string, List<Reading>> _byGpu;

    private RecordedRun(FleetSimulation simulation, List<Reading> readings, List<AllocationEvent> allocations, List<ThroughputEvent> throughput)
    {
        Simulation = simulation;
        Readings = readings;
        Allocations = allocations;
        Throughput = throughput;
        Gpus = [.. simulation.AllGpus];
        _byGpu = readings.GroupBy(r => r.Gpu.Uuid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.UnixMs).ToList(), StringComparer.Ordinal);
    }

    public FleetSimulation Simulation { get; }

    public IReadOnlyList<Reading> Readings { get; }

    public IReadOnlyList<AllocationEvent> Allocations { get; }

    public IReadOnlyList<ThroughputEvent> Throughput { get; }

    /// <summary>GPU identities by fleet-wide index, the index <see cref="SimulatedJob.Gpus"/> uses.</summary>
    public IReadOnlyList<GpuIdentity> Gpus { get; }

    public static RecordedRun Of(FleetSimulationOptions options)
    {
        var simulation = new FleetSimulation(options);
        var readings = new List<Reading>();
        var allocations = new List<AllocationEvent>();
        var throughput = new List<ThroughputEvent>();
        var builder = new SampleBatchBuilder();
        while (!simulation.Finished)
        {
            simulation.Tick();
            for (var node = 0; node < simulation.NodeCount; node++)
            {
                simulation.DrainEvents(node, allocations, throughput);
                simulation.AppendSamples(node, builder);
            }

            readings.AddRange(RoundTrip(builder));
        }

        return new RecordedRun(simulation, readings, allocations, throughput);
    }

    /// <summary>A GPU's readings in time order.</summary>
    public IReadOnlyList<Reading> SeriesOf(string uuid) => _byGpu[uuid];

    /// <summary>Readings of a job's GPUs at the seconds the job holds them.</summary>
    public IEnumerable<Reading> WhileHeld(SimulatedJob job) =>
        job.Gpus.SelectMany(g => SeriesOf(Gpus[g].Uuid)).Where(r => job.IsActiveAt(r.UnixMs));

    /// <summary>Whether any job holds the GPU at this time.</summary>
    public bool IsHeld(string uuid, long unixMs) =>
        Simulation.Jobs.Any(j => j.IsActiveAt(unixMs) && j.Gpus.Any(g => Gpus[g].Uuid == uuid));

    /// <summary>The time at this share of the run, rounded down to a whole second.</summary>
    public long At(double share) =>
        Simulation.StartUnixMs + ((long)Math.Floor((Simulation.EndUnixMs - Simulation.StartUnixMs) / 1000 * share) * 1000);

    private static List<Reading> RoundTrip(SampleBatchBuilder builder)
    {
        byte[] payload;
        using (var built = builder.Build())
        {
            payload = SampleBatchCodec.Encode(built);
        }

        using var batch = SampleBatchCodec.Decode(payload);
        var rows = new List<Reading>(batch.Length);
        for (var row = 0; row < batch.Length; row++)
        {
            var values = new double?[FieldCatalog.Count];
            for (var ordinal = 0; ordinal < values.Length; ordinal++)
            {
                values[ordinal] = batch.TryGetValue(ordinal, row, out var value) ? value : null;
            }

            Assert.IsTrue(batch.TryGetInt64(FieldOrdinals.TotalEnergyConsumption, row, out var energy), "every row carries the energy counter");
            rows.Add(new Reading(batch.Time.Values[row], batch.Identity(row), energy, values));
        }

        return rows;
    }
}
