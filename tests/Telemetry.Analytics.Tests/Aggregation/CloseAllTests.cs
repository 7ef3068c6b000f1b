using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class CloseAllTests
{
    private static readonly string[] GpusInOrder = [H100.Uuid, OtherH100.Uuid];
    private static readonly string[] JobsInOrder = ["job-a", "job-b"];

    [TestMethod]
    public void CloseAllClosesEveryWindowOldestFirstWithRowsInOrder()
    {
        var aggregator = ThreeMinutesOfTwoJobs();

        var closed = aggregator.CloseAll();

        CollectionAssert.AreEqual(new[] { T0, At(60), At(120), At(180) }, closed.Select(w => w.Start).ToArray());
        Assert.AreEqual(0, aggregator.OpenWindows);
        Assert.AreEqual(4, aggregator.Counters.WindowsClosed);
        foreach (var window in closed)
        {
            CollectionAssert.AreEqual(GpusInOrder, window.Gpus.Select(g => g.GpuUuid).ToArray());
        }

        foreach (var window in closed.Take(3))
        {
            CollectionAssert.AreEqual(JobsInOrder, window.Jobs.Select(j => j.JobId).ToArray());
        }
    }

    [TestMethod]
    public void JobPartialsOfSeveralWindowsAddUpToTheWholeRun()
    {
        var aggregator = ThreeMinutesOfTwoJobs();

        var jobs = aggregator.CloseAll().SelectMany(w => w.Jobs).ToList();

        // 18 intervals of 10 s per GPU: 1000 J each on the first GPU, 500 J each on the second.
        var jobA = jobs.Where(j => j.JobId == "job-a").ToList();
        var jobB = jobs.Where(j => j.JobId == "job-b").ToList();
        Assert.HasCount(3, jobA);
        Assert.AreEqual(18_000.0, jobA.Sum(j => j.EnergyJoules));
        Assert.AreEqual(180.0, jobA.Sum(j => j.GpuSeconds));
        Assert.AreEqual(9_000.0, jobB.Sum(j => j.EnergyJoules));
        Assert.AreEqual(180.0, jobB.Sum(j => j.GpuSeconds));
    }

    private static SampleAggregator ThreeMinutesOfTwoJobs()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-b", 0, OtherH100));
        aggregator.AddAllocation(StartJob("job-a", 0, H100));
        var rows = new SampleRows();
        for (var i = 0; i <= 18; i++)
        {
            rows.Add(H100, At(i * 10), new Reading(SmActive: 0.5, EnergyMilliJoules: 50_000_000 + (i * 1_000_000L)));
            rows.Add(OtherH100, At(i * 10), new Reading(SmActive: 0.5, EnergyMilliJoules: 80_000_000 + (i * 500_000L)));
        }

        rows.FeedTo(aggregator, Samples0);
        return aggregator;
    }
}
