using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerRoundTripTests
{
    private static readonly GpuWindow GpuWithEverything = new(
        T0, At(60), "node-1", H100.Uuid, 0, 3, H100.Model, "job-1", 12, 0.9875,
        GpuUtilMean: 87.25, GpuUtilMax: 100, SmActiveMean: 0.71, SmActiveMax: 0.93, TensorActiveMean: 0.42, DramActiveMean: 0.33,
        PowerMean: 612.5, PowerMax: 699.9, EnergyCounterJoules: 36_012.345, EnergyIntegratedJoules: 35_990.1, EnergyJoules: 36_012.345,
        CounterResets: 1, Gaps: 2, GpuTempMax: 71, MemoryTempMax: 80.5, FbUsedMax: 71_234, FbTotal: 81_559,
        XidCount: 1, XidLast: 79, ThrottleSeconds: 4.5, BusySeconds: 55.25, AllocatedSeconds: 59.25, Tflop: 1_234.5678);

    private static readonly GpuWindow GpuWithNothing = new(
        T0, At(60), "node-1", OtherH100.Uuid, 1, null, OtherH100.Model, null, 1, 0,
        GpuUtilMean: null, GpuUtilMax: null, SmActiveMean: null, SmActiveMax: null, TensorActiveMean: null, DramActiveMean: null,
        PowerMean: null, PowerMax: null, EnergyCounterJoules: 0, EnergyIntegratedJoules: 0, EnergyJoules: 0,
        CounterResets: 0, Gaps: 0, GpuTempMax: null, MemoryTempMax: null, FbUsedMax: null, FbTotal: null,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: 0, AllocatedSeconds: 0, Tflop: 0);

    private static readonly JobWindow JobWithThroughput = new(T0, At(60), "job-1", "alice", "llm", H100.Model, 1, 59.25, 55.25, 36_012.345, 1_234.5678, 1_000_001, "tokens");

    private static readonly JobWindow JobWithoutThroughput = new(T0, At(60), "job-2", "bob", "vision", null, 0, 0, 0, 0, 0, 0, null);

    [TestMethod]
    public void ReaderGivesBackTheRowsTheWriterWrote()
    {
        using var directory = new TempDirectory();
        var window = new ClosedWindow(T0, At(60), [GpuWithEverything, GpuWithNothing], [JobWithThroughput, JobWithoutThroughput]);

        new LedgerWriter(directory.Path).Write(window);
        var reader = new LedgerReader(directory.Path);

        CollectionAssert.AreEqual(new[] { GpuWithEverything, GpuWithNothing }, reader.GpuWindows().ToArray());
        CollectionAssert.AreEqual(new[] { JobWithThroughput, JobWithoutThroughput }, reader.JobWindows().ToArray());
    }

    [TestMethod]
    public void JobFilesCarryTheDerivedRatiosForReadersWithOtherArrowTools()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(new ClosedWindow(T0, At(60), [], [JobWithThroughput, JobWithoutThroughput]));
        var file = Directory.GetFiles(System.IO.Path.Combine(directory.Path, "job-windows"), "*.arrow").Single();

        using var stream = File.OpenRead(file);
        using var reader = new Apache.Arrow.Ipc.ArrowFileReader(stream);
        using var batch = reader.ReadNextRecordBatch();

        var tokensPerJoule = (Apache.Arrow.DoubleArray)batch.Column("tokens_per_joule");
        var tflopsPerWatt = (Apache.Arrow.DoubleArray)batch.Column("tflops_per_watt");
        var idle = (Apache.Arrow.DoubleArray)batch.Column("idle_gpu_seconds");
        Assert.AreEqual(1_000_001 / 36_012.345, tokensPerJoule.GetValue(0)!.Value, 1e-12);
        Assert.IsNull(tokensPerJoule.GetValue(1), "a job without throughput has no tokens per joule");
        Assert.AreEqual(1_234.5678 / 36_012.345, tflopsPerWatt.GetValue(0)!.Value, 1e-12);
        Assert.AreEqual(59.25 - 55.25, idle.GetValue(0)!.Value);
    }

    [TestMethod]
    public void WindowsFromTheAggregatorSurviveTheLedgerUnchanged()
    {
        using var directory = new TempDirectory();
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        new SampleRows()
            .Add(H100, At(0), new Reading(GpuUtil: 97, SmActive: 0.83, TensorActive: 0.41, Power: 655.3, EnergyMilliJoules: 9_000_000_123, SmClock: 1755, FbUsed: 70_001, FbTotal: 81_559))
            .Add(H100, At(7.5), new Reading(GpuUtil: 99, SmActive: 0.87, TensorActive: 0.44, Power: 688.1, EnergyMilliJoules: 9_000_005_071, SmClock: 1830, FbUsed: 70_002, FbTotal: 81_559))
            .Add(OtherH100, At(3))
            .Add(H100, At(61), new Reading(Power: 120))
            .FeedTo(aggregator, Samples0);
        var closed = aggregator.CloseAll();
        var writer = new LedgerWriter(directory.Path);

        foreach (var window in closed)
        {
            writer.Write(window);
        }

        var reader = new LedgerReader(directory.Path);
        CollectionAssert.AreEqual(closed.SelectMany(w => w.Gpus).ToArray(), reader.GpuWindows().ToArray());
        CollectionAssert.AreEqual(closed.SelectMany(w => w.Jobs).ToArray(), reader.JobWindows().ToArray());
        Assert.AreEqual(2, writer.WindowsWritten);
    }

    [TestMethod]
    public void WritingTheSameWindowTwiceLeavesOneFileWithTheSecondContent()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        var revised = GpuWithEverything with { Samples = 13, EnergyJoules = 37_000 };

        writer.Write(new ClosedWindow(T0, At(60), [GpuWithEverything], [JobWithThroughput]));
        writer.Write(new ClosedWindow(T0, At(60), [revised], [JobWithoutThroughput]));

        var reader = new LedgerReader(directory.Path);
        Assert.HasCount(1, reader.Files("gpu-windows"));
        Assert.HasCount(1, reader.Files("job-windows"));
        Assert.AreEqual(revised, Assert.ContainsSingle(reader.GpuWindows()));
        Assert.AreEqual(JobWithoutThroughput, Assert.ContainsSingle(reader.JobWindows()));
    }

    [TestMethod]
    public void NoTemporaryFileRemainsAfterWriting()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);

        writer.Write(new ClosedWindow(T0, At(60), [GpuWithEverything], [JobWithThroughput]));
        writer.Write(new ClosedWindow(T0, At(60), [GpuWithNothing], []));
        writer.Write(new ClosedWindow(At(60), At(120), [GpuWithEverything with { WindowStart = At(60), WindowEnd = At(120) }], []));

        Assert.IsEmpty(Directory.GetFiles(directory.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.HasCount(4, Directory.GetFiles(directory.Path, "*.arrow", SearchOption.AllDirectories));
    }
}
