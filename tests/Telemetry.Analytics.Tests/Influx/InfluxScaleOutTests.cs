using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Testing.Queries;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>
/// Two aggregator instances of one consumer group, each with some nodes' partitions, write their parts of the same
/// windows to one InfluxDB: a job that runs on nodes of both, the same team's waste, the fleet.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class InfluxScaleOutTests : RealInfluxTest
{
    private static readonly GpuIdentity[] Gpus =
    [
        new("node-a", "GPU-aaaaaaaa-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
        new("node-a", "GPU-aaaaaaaa-0000-0000-0000-000000000001", 1, "NVIDIA H100 80GB HBM3"),
        new("node-b", "GPU-bbbbbbbb-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
        new("node-c", "GPU-cccccccc-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
    ];

    // job-1 holds a GPU of node-a and node-b's; node-a's other GPU and node-c's are unallocated and idle.
    private static readonly GpuIdentity[] JobGpus = [Gpus[0], Gpus[2]];

    // Instance agg-1 owns node-a's partition, agg-2 those of node-b and node-c.
    private static readonly (string Name, int[] Partitions)[] Instances = [("agg-1", [0]), ("agg-2", [1, 2])];

    private static readonly TimeRange Range = new(Start, Start.AddHours(1));

    [TestMethod]
    public async Task TheInstancesPartsAddUpToWhatTheLedgerAndOneInstanceAnswer()
    {
        using var split = new TempDirectory();
        using var whole = new TempDirectory();
        var batches = Batches();
        foreach (var (name, partitions) in Instances)
        {
            using var sink = new InfluxWindowSink(InfluxSinkTests.Options(), CostModel.Default(), split.Path, NullLogger.Instance, TimeProvider.System);
            var ledger = new LedgerWriter(split.Path, name);
            foreach (var window in Aggregate(batches.Where(b => partitions.Contains(b.Partition))))
            {
                ledger.Write(window);
                await sink.WriteAsync(window, new PipelineSnapshot(name, 0, 0, 0, 0, 0), CancellationToken.None);
            }
        }

        var alone = new LedgerWriter(whole.Path);
        foreach (var window in Aggregate(batches))
        {
            alone.Write(window);
        }

        using var http = new HttpClient();
        var influx = new InfluxQueryStore(http, InfluxSinkTests.Options());
        var oneInstance = new LedgerQueryStore(new LedgerReader(whole.Path));
        var job = await oneInstance.JobAsync("job-1", Range, CancellationToken.None);
        Assert.IsNotNull(job);
        Assert.AreEqual(2, job.Series[0].Gpus, "the job's GPUs lie on both instances' nodes");
        Assert.HasCount(2, (await Server.QueryAsync("SELECT * FROM \"job_window\" GROUP BY \"instance\"")), "each instance wrote its part of the job");
        await QueryStoreEquivalence.AssertSameAsync(influx, new LedgerQueryStore(new LedgerReader(split.Path)), Range, "job-1");
        await QueryStoreEquivalence.AssertSameAsync(influx, oneInstance, Range, "job-1");
    }

    private static List<ClosedWindow> Aggregate(IEnumerable<(int Partition, int Tick, byte[] Rows)> batches)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, JobGpus));
        foreach (var (partition, tick, rows) in batches)
        {
            using var batch = SampleBatchCodec.Decode(rows);
            aggregator.AddSamples(batch, new SourcePartition(Topics.Samples, partition), tick);
        }

        return [.. aggregator.CloseAll()];
    }

    /// <summary>
    /// Per node (partition), one batch per 10 s tick over three minutes. The job's GPUs idle for a minute in between
    /// (waste of team llm on both instances), the unallocated ones all along (waste of nobody's, on both).
    /// </summary>
    private static List<(int Partition, int Tick, byte[] Rows)> Batches()
    {
        var random = new Random(7);
        return NodeBatches.Build(Gpus, 18, random, (gpu, tick) => JobGpus.Contains(gpu) && tick is < 7 or > 12
            ? new Reading(GpuUtil: 90, SmActive: 0.7 + (random.NextDouble() / 10), TensorActive: 0.3 + (random.NextDouble() / 10), Power: 300 + (random.NextDouble() * 400), SmClock: 1755, MaxSmClock: 1980, FbUsed: 1_000, FbTotal: 81_559)
            : new Reading(GpuUtil: 0, SmActive: 0, TensorActive: 0, Power: 60 + (random.NextDouble() * 20), SmClock: 1755, MaxSmClock: 1980, FbUsed: 1_000, FbTotal: 81_559));
    }
}
