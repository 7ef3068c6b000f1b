using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

[TestClass]
public sealed class InfluxPointsTests
{
    private static readonly InfluxPoints Points = new(CostModel.Default());

    [TestMethod]
    public void AWindowBecomesOnePointPerRowOfEveryMeasurementAtTheWindowStart()
    {
        var set = Points.Build(Window(), new PipelineSnapshot("agg-1", 10, 1, 2, 3, 4));
        var lines = Lines(set);

        Assert.AreEqual(2, lines.Count(l => l.StartsWith("gpu_window,", StringComparison.Ordinal)));
        Assert.AreEqual(2, lines.Count(l => l.StartsWith("job_window,", StringComparison.Ordinal)));
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("fleet_window,currency=USD,instance=agg-1 ", StringComparison.Ordinal)));
        Assert.AreEqual(3, lines.Count(l => l.StartsWith("gpu_state,", StringComparison.Ordinal)), "node-1 H100: productive, allocated-idle, unallocated-idle");
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("waste,class=allocated-idle,currency=USD,instance=agg-1,model=", StringComparison.Ordinal) && l.Contains(",team=llm ", StringComparison.Ordinal)));
        Assert.IsTrue(lines.Any(l => l.StartsWith("gpu_health,", StringComparison.Ordinal) && l.Contains("kind=xid", StringComparison.Ordinal)), "XID 79 in the window is a health finding");
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("pipeline,instance=agg-1 ", StringComparison.Ordinal) && l.Contains("aggregated=10i", StringComparison.Ordinal)));
        Assert.IsTrue(lines.All(l => l.EndsWith(" " + T0.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), "every point at the window's start, in ms");
        Assert.IsEmpty(set.Rejected);
    }

    [TestMethod]
    public void AJobIdIsAFieldOnPerGpuPointsAndATagOnlyOnTheJobsOwn()
    {
        var lines = Lines(Points.Build(Window()));
        var gpu = lines.First(l => l.StartsWith("gpu_window,", StringComparison.Ordinal) && l.Contains("gpu=0", StringComparison.Ordinal));
        var job = lines.First(l => l.StartsWith("job_window,", StringComparison.Ordinal) && l.Contains("job=job-1", StringComparison.Ordinal));

        Assert.IsFalse(gpu.Split(' ')[0].Contains("job", StringComparison.Ordinal), gpu);
        StringAssert.Contains(gpu, "job_id=\"job-1\"");
        StringAssert.Contains(gpu, "state=\"productive\"", "the state it spent most of the window in");
        StringAssert.Contains(job, "team=llm");
        StringAssert.Contains(job, "tokens=1000001i");
    }

    [TestMethod]
    public void TheJobFleetAndWastePointsCarryTheInstanceAndThePerGpuAndPerNodeOnesDoNot()
    {
        var lines = Lines(Points.Build(Window(), new PipelineSnapshot("agg-2", 1, 0, 0, 0, 1)));
        static string Key(string line) => line.Split(' ')[0];

        var tagged = lines.Where(l => Key(l).Contains(",instance=agg-2", StringComparison.Ordinal)).Select(l => l.Split(',')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var withoutSnapshot = Lines(Points.Build(Window()));

        CollectionAssert.AreEqual(new[] { "fleet_window", "job_window", "pipeline", "waste" }, tagged);
        Assert.IsFalse(withoutSnapshot.Any(l => Key(l).Contains("instance=", StringComparison.Ordinal)), "a window written without a snapshot has no instance tag");
        Assert.AreEqual(lines.Count - 1, withoutSnapshot.Count, "and all the same points but the pipeline's");
    }

    [TestMethod]
    public void NaNAndInfinityAreLeftOutAndCounted()
    {
        var gpu = LedgerSamples.GpuWithEverything with { PowerMean = double.NaN, GpuUtilMean = double.PositiveInfinity, Tflop = double.NegativeInfinity };
        var set = Points.Build(new ClosedWindow(T0, At(60), [gpu], []));
        var line = Lines(set).Single(l => l.StartsWith("gpu_window,", StringComparison.Ordinal));

        Assert.AreEqual(3, set.NonFiniteDropped);
        Assert.IsFalse(line.Contains("power_mean_w", StringComparison.Ordinal), line);
        Assert.IsFalse(line.Contains("util_mean", StringComparison.Ordinal), line);
        Assert.IsFalse(line.Contains("NaN", StringComparison.OrdinalIgnoreCase) || line.Contains("Infinity", StringComparison.OrdinalIgnoreCase), line);
        StringAssert.Contains(line, "power_max_w=699.9");
    }

    [TestMethod]
    [DataRow("llm\ninjected,team=x f=1 1")]
    [DataRow("trailing\\")]
    [DataRow("tab\there")]
    public void ATagLineProtocolCannotCarryRejectsThePointWithTheReason(string team)
    {
        var set = Points.Build(new ClosedWindow(T0, At(60), [LedgerSamples.GpuWithEverything], [LedgerSamples.JobWithThroughput with { Team = team }]));

        var reason = Assert.ContainsSingle(set.Rejected);
        StringAssert.StartsWith(reason, "job_window: tag 'team' value '");
        Assert.IsFalse(Lines(set).Any(l => l.StartsWith("job_window", StringComparison.Ordinal)), "the job's point is set aside, not sent");
        Assert.IsTrue(Lines(set).Any(l => l.StartsWith("gpu_window", StringComparison.Ordinal)), "the rest of the window flows on");
        Assert.IsFalse(Lines(set).Any(l => l.Contains('\n', StringComparison.Ordinal)), "no line carries a second one");
    }

    [TestMethod]
    public void CommasSpacesAndEqualsInTagsAreEscaped()
    {
        var gpu = LedgerSamples.GpuWithEverything with { Node = "rack 1,node=2" };
        var line = Lines(Points.Build(new ClosedWindow(T0, At(60), [gpu], []))).Single(l => l.StartsWith("gpu_window,", StringComparison.Ordinal));

        StringAssert.Contains(line, @"node=rack\ 1\,node\=2");
    }

    [TestMethod]
    public void TheSameWindowGivesTheSameLinesEveryTime()
    {
        var first = Lines(Points.Build(Window(), new PipelineSnapshot("a", 1, 0, 0, 0, 1)));
        var second = Lines(Points.Build(Window(), new PipelineSnapshot("a", 1, 0, 0, 0, 1)));

        CollectionAssert.AreEqual(first, second);
    }

    internal static ClosedWindow Window()
    {
        var baseWindow = LedgerSamples.FirstMinute();
        GpuStateWindow[] states =
        [
            new(T0, At(60), "node-1", H100.Uuid, 0, 3, H100.Model, "job-1", "productive", 55.25, 33_000),
            new(T0, At(60), "node-1", H100.Uuid, 0, 3, H100.Model, "job-1", "allocated-idle", 4, 3_012.345),
            new(T0, At(60), "node-1", OtherH100.Uuid, 1, null, OtherH100.Model, null, "unallocated-idle", 0, 0),
        ];
        var fleet = new FleetWindow(T0, At(60), 2, 13, 36_012.345, 36_012.345, 0, 0, 2, 1, 0, 0, 1, 1);
        return baseWindow with { States = states, Fleet = fleet };
    }

    private static List<string> Lines(InfluxPointSet set) => [.. set.Points.Select(p => p.ToLineProtocol())];
}
