using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

/// <summary>The same samples in another partition interleaving give bit-identical windows.</summary>
[TestClass]
public sealed class InterleavingTests
{
    private static readonly GpuIdentity[] Gpus =
    [
        new("node-a", "GPU-aaaaaaaa-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
        new("node-a", "GPU-aaaaaaaa-0000-0000-0000-000000000001", 1, "NVIDIA H100 80GB HBM3"),
        new("node-b", "GPU-bbbbbbbb-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
        new("node-c", "GPU-cccccccc-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"),
    ];

    [TestMethod]
    public void AnotherInterleavingOfThePartitionsGivesBitIdenticalWindows()
    {
        var batches = Batches();
        var inOrder = Run(batches);
        var reversed = Run([.. batches.AsEnumerable().Reverse().GroupBy(b => b.Partition).SelectMany(g => g.Reverse())]);
        var alternating = Run([.. batches.OrderBy(b => b.Tick).ThenByDescending(b => b.Partition)]);

        foreach (var other in new[] { reversed, alternating })
        {
            Assert.HasCount(inOrder.Count, other);
            for (var i = 0; i < inOrder.Count; i++)
            {
                CollectionAssert.AreEqual(inOrder[i].Gpus.ToList(), other[i].Gpus.ToList(), $"GPU rows of window {i}");
                CollectionAssert.AreEqual(inOrder[i].Jobs.ToList(), other[i].Jobs.ToList(), $"job rows of window {i}");
                CollectionAssert.AreEqual(inOrder[i].States!.ToList(), other[i].States!.ToList(), $"state rows of window {i}");
                Assert.AreEqual(inOrder[i].Fleet, other[i].Fleet, $"fleet row of window {i}");
            }
        }

        Assert.IsTrue(inOrder.Any(w => w.Jobs.Any(j => j.Gpus == 4)), "the job spans all four GPUs on three nodes");
    }

    [TestMethod]
    public void ARevokedPartitionsContributionIsTakenBackFromTheOpenWindows()
    {
        var batches = Batches();
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, Gpus));
        var revoked = new SourcePartition(Telemetry.Contract.Messages.Topics.Samples, 1);
        foreach (var (partition, _, rows) in batches)
        {
            using var batch = SampleBatchCodec.Decode(rows);
            aggregator.AddSamples(batch, new SourcePartition(Telemetry.Contract.Messages.Topics.Samples, partition), 0);
        }

        aggregator.Forget(revoked);
        var windows = aggregator.CloseAll();
        var keptOnly = Run([.. batches.Where(b => b.Partition != 1)]);

        Assert.IsTrue(windows.All(w => w.Gpus.All(g => g.Node != "node-b")), "node-b's GPU (partition 1) is gone from every window");
        for (var i = 0; i < windows.Count; i++)
        {
            CollectionAssert.AreEqual(keptOnly[i].Jobs.ToList(), windows[i].Jobs.ToList(), "the job holds exactly what the kept partitions gave it");
        }
    }

    [TestMethod]
    public void APartitionTakenOverFromAnOlderOffsetWritesNoGpuWindowTwice()
    {
        // Instance a reads every partition for 90 s and writes the first window; then partition 1 moves to instance b,
        // whose committed offset is the partition's start (the commit at revocation did not get through): b reads again
        // everything a wrote of it. The windows they write together are one instance's.
        using var shared = new TempDirectory();
        using var alone = new TempDirectory();
        var batches = Batches();
        var reader = new LedgerReader(shared.Path);
        var a = Instance(reader);
        var b = Instance(reader);
        var writerA = new LedgerWriter(shared.Path, "a");
        var writerB = new LedgerWriter(shared.Path, "b");
        foreach (var (partition, tick, rows) in batches.Where(x => x.Tick <= 8))
        {
            Feed(a, partition, tick, rows);
        }

        var firstWindows = a.CloseReadyWindows();
        Assert.HasCount(1, firstWindows, "the first minute closed at 80 s");
        writerA.Write(firstWindows[0]);
        a.Forget(Source(1));
        foreach (var (partition, tick, rows) in batches.Where(x => x.Tick > 8 && x.Partition != 1))
        {
            Feed(a, partition, tick, rows);
        }

        b.Reassigned();
        foreach (var (partition, tick, rows) in batches.Where(x => x.Partition == 1))
        {
            Feed(b, partition, tick, rows);
        }

        foreach (var (instance, writer) in new[] { (a, writerA), (b, writerB) })
        {
            foreach (var window in instance.CloseAll())
            {
                writer.Write(window);
            }
        }

        var single = new LedgerWriter(alone.Path);
        foreach (var window in Run(batches))
        {
            single.Write(window);
        }

        var expected = new LedgerReader(alone.Path).GpuWindows().ToList();
        var written = reader.GpuWindows().ToList();
        Assert.HasCount(expected.Count, written, "each GPU window once");
        CollectionAssert.AreEquivalent(expected, written);
        Assert.AreEqual(6, b.Counters.Duplicate, "node-b's six samples of the first minute were a's to count");
        Assert.AreEqual(3, a.Counters.HandedOver, "node-b's samples at 60, 70 and 80 s went with its partition to b");
        Assert.AreEqual(18 * Gpus.Length, a.Counters.Aggregated - a.Counters.HandedOver + b.Counters.Aggregated, "every sample aggregated once, net of what a handed over");
        var energy = new LedgerReader(alone.Path).JobWindows().Sum(j => j.EnergyJoules);
        Assert.AreEqual(energy, reader.JobWindows().Sum(j => j.EnergyJoules), 1e-9 * energy, "the job's energy, once");
        var provenance = reader.WindowSources(long.MinValue, long.MaxValue).Where(s => s.Partition == 1).ToList();
        Assert.AreEqual(6, provenance.Single(s => s.WindowStart == At(0)).LastOffset, "a's first window holds partition 1 up to its 60 s message, whose interval it charged");
        Assert.IsTrue(provenance.Where(s => s.WindowStart > At(0)).All(s => s.FirstOffset >= 6), "the later windows hold partition 1 from where a's ended");
    }

    private static SampleAggregator Instance(LedgerReader ledger) =>
        new(new AggregatorOptions { AllowedLateness = TimeSpan.Zero }, Clock()) { WrittenSources = ledger.WrittenOffsets };

    private static SourcePartition Source(int partition) => new(Telemetry.Contract.Messages.Topics.Samples, partition);

    private static void Feed(SampleAggregator aggregator, int partition, int tick, byte[] rows)
    {
        if (aggregator.Timeline.FindJob("job-1") is null)
        {
            aggregator.AddAllocation(StartJob("job-1", 0, Gpus));
        }

        using var batch = SampleBatchCodec.Decode(rows);
        aggregator.AddSamples(batch, Source(partition), tick);
    }

    private static List<ClosedWindow> Run(IReadOnlyList<(int Partition, int Tick, byte[] Rows)> batches)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, Gpus));
        var offsets = new Dictionary<int, long>();
        foreach (var (partition, _, rows) in batches)
        {
            var offset = offsets.GetValueOrDefault(partition);
            offsets[partition] = offset + 1;
            using var batch = SampleBatchCodec.Decode(rows);
            aggregator.AddSamples(batch, new SourcePartition(Telemetry.Contract.Messages.Topics.Samples, partition), offset);
        }

        return [.. aggregator.CloseAll()];
    }

    /// <summary>Per node (partition), one batch per 10 s tick over three minutes, with power and energy that do not add up in round numbers.</summary>
    private static List<(int Partition, int Tick, byte[] Rows)> Batches()
    {
        var random = new Random(5);
        return NodeBatches.Build(Gpus, 18, random, (_, _) => new Reading(
            GpuUtil: 90, SmActive: 0.7 + (random.NextDouble() / 10), TensorActive: 0.3 + (random.NextDouble() / 10), Power: 300 + (random.NextDouble() * 400), SmClock: 1755, MaxSmClock: 1980));
    }
}
