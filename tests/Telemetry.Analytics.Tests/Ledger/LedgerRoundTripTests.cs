using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerRoundTripTests
{
    [TestMethod]
    public void ReaderGivesBackTheRowsTheWriterWrote()
    {
        using var directory = new TempDirectory();

        new LedgerWriter(directory.Path).Write(FirstMinute());
        var reader = new LedgerReader(directory.Path);

        CollectionAssert.AreEqual(new[] { GpuWithEverything, GpuWithNothing }, reader.GpuWindows().ToArray());
        CollectionAssert.AreEqual(new[] { JobWithThroughput, JobWithoutThroughput }, reader.JobWindows().ToArray());
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
    public void AWindowWithoutJobsStillGetsAnEmptyJobFile()
    {
        using var directory = new TempDirectory();

        new LedgerWriter(directory.Path).Write(new ClosedWindow(T0, At(60), [GpuWithNothing], []));

        var reader = new LedgerReader(directory.Path);
        Assert.HasCount(1, reader.Files("job-windows"), "an empty file says the window closed with no jobs; a missing one would say nothing");
        Assert.IsEmpty(reader.JobWindows());
        Assert.AreEqual(GpuWithNothing, Assert.ContainsSingle(reader.GpuWindows()));
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
        Assert.HasCount(4, Directory.GetFiles(directory.Path, "*.parquet", SearchOption.AllDirectories));
    }
}
