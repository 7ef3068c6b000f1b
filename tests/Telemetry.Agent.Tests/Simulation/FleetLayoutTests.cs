using Telemetry.Agent.Simulation;
using Telemetry.Contract.Fields;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>What the default 16 x 8 fleet holds, seen in the readings it emits.</summary>
[TestClass]
public sealed class FleetLayoutTests
{
    private static RecordedRun Run { get; set; } = null!;

    [ClassInitialize]
    public static void RecordRun(TestContext context) =>
        Run = RecordedRun.Of(new FleetSimulationOptions { Nodes = 16, GpusPerNode = 8, Duration = TimeSpan.FromSeconds(200) });

    private static IReadOnlyList<SimulatedJob> Jobs => Run.Simulation.Jobs;

    [TestMethod]
    public void ATrainingJobRunsSixteenBusyGpusOverTwoNodes()
    {
        var job = Jobs.First(j => j.Kind == SimulatedJobKind.Training && j.Gpus.Count == 16);

        var held = Run.WhileHeld(job).ToList();

        var nodes = held.GroupBy(r => r.Gpu.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Gpu.Uuid).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        Assert.HasCount(2, nodes);
        Assert.IsTrue(nodes.Values.All(gpus => gpus == 8), string.Join(", ", nodes));
        Assert.HasCount(16 * 200, held, "it holds its GPUs every second but the last");
        Assert.IsTrue(held.All(r => r.Value(F.SmActive) > 0.5 && r.Value(F.PipeTensorActive) > 0.3 && r.Value(F.NvlinkTxBytes) > 0));
    }

    [TestMethod]
    public void AnInferenceJobReportsTokensWhileItsGpusWork()
    {
        var job = Jobs.First(j => j.Kind == SimulatedJobKind.Inference);

        var held = Run.WhileHeld(job).ToList();
        var tokens = Run.Throughput.Where(e => e.JobId == job.Id).Sum(e => e.Count);

        Assert.IsGreaterThan(0, tokens);
        Assert.AreEqual(Run.At(0.1), job.StartUnixMs);
        Assert.IsNotEmpty(held);
        Assert.IsTrue(held.All(r => r.Value(F.SmActive) > 0 && r.Value(F.GpuUtil) > 0));
    }

    [TestMethod]
    public void AnAllocatedButIdleJobHoldsGpusThatDoNothing()
    {
        var job = Jobs.First(j => j.Kind == SimulatedJobKind.AllocatedIdle);

        var held = Run.WhileHeld(job).ToList();

        Assert.IsNotEmpty(held);
        Assert.IsTrue(held.All(r => r.Value(F.SmActive) == 0 && r.Value(F.GpuUtil) == 0 && r.Value(F.PipeTensorActive) == 0));
        Assert.IsTrue(held.All(r => r.ClockEventReasons.HasFlag(ClockEventReasons.GpuIdle)));
    }

    [TestMethod]
    public void AMemoryParkedJobFillsMemoryWithoutComputing()
    {
        var job = Jobs.First(j => j.Kind == SimulatedJobKind.MemoryParked);

        var held = Run.WhileHeld(job).ToList();

        Assert.HasCount(job.Gpus.Count * 200, held, "it holds its GPUs every second but the last");
        Assert.IsTrue(held.All(r => r.Value(F.FbUsed) > 0.9 * r.Value(F.FbTotal)));
        Assert.IsTrue(held.All(r => r.Value(F.SmActive) == 0));
    }

    [TestMethod]
    public void ZombieGpusHoldMemoryWithoutAJob()
    {
        var unheld = Run.Readings.Where(r => !Run.IsHeld(r.Gpu.Uuid, r.UnixMs)).ToList();

        var zombies = unheld.Where(r => r.Value(F.FbUsed) > 0.5 * r.Value(F.FbTotal)).Select(r => r.Gpu.Uuid).ToHashSet(StringComparer.Ordinal);

        Assert.HasCount(4, zombies, "one zombie in each group of four nodes");
        foreach (var zombie in zombies)
        {
            var series = Run.SeriesOf(zombie);
            Assert.IsFalse(series.Any(r => Run.IsHeld(zombie, r.UnixMs)), $"{zombie} is never allocated");
            Assert.IsTrue(series.All(r => r.Value(F.FbUsed) > 0.5 * r.Value(F.FbTotal) && r.Value(F.SmActive) == 0), zombie);
        }
    }

    [TestMethod]
    public void UnallocatedGpusOtherThanZombiesAreIdleAndEmpty()
    {
        var unheld = Run.Readings.Where(r => !Run.IsHeld(r.Gpu.Uuid, r.UnixMs)).ToList();

        var unallocated = unheld.Where(r => r.Value(F.FbUsed) <= 0.5 * r.Value(F.FbTotal)).ToList();

        Assert.IsNotEmpty(unallocated);
        Assert.IsTrue(unallocated.All(r => r.Value(F.FbUsed) < 0.05 * r.Value(F.FbTotal)));
        Assert.IsTrue(unallocated.All(r => r.Value(F.SmActive) == 0 && r.Value(F.GpuUtil) == 0));
    }

    [TestMethod]
    public void ExactlyOneGpuReportsXid48FromFortyPercentOfTheRun()
    {
        var raisedAt = Run.At(0.4);

        var gpus = Run.Readings.Where(r => r.Value(F.XidErrors) != 0).Select(r => r.Gpu.Uuid).Distinct(StringComparer.Ordinal).ToList();

        Assert.HasCount(1, gpus);
        var series = Run.SeriesOf(gpus[0]);
        Assert.IsTrue(series.Where(r => r.UnixMs < raisedAt).All(r => r.Value(F.XidErrors) == 0), "no XID before 40%");
        Assert.IsTrue(series.Where(r => r.UnixMs >= raisedAt).All(r => r.Value(F.XidErrors) == 48), "XID 48 from 40% on");
        Assert.AreEqual(raisedAt, series.First(r => r.Value(F.XidErrors) == 48).UnixMs);
    }

    [TestMethod]
    public void ExactlyOneGpuThrottlesThermallyFromFiftyToSeventyPercentOfTheRun()
    {
        var from = Run.At(0.5);
        var to = Run.At(0.7);

        var throttled = Run.Readings.Where(r => r.ClockEventReasons.HasFlag(ClockEventReasons.HwThermalSlowdown)).ToList();

        Assert.HasCount(1, throttled.Select(r => r.Gpu.Uuid).Distinct(StringComparer.Ordinal));
        var seconds = throttled.Select(r => r.UnixMs).Order().ToList();
        CollectionAssert.AreEqual(LongRange(from, to), seconds);
        Assert.IsTrue(throttled.All(r => r.Value(F.SmClock) < r.Value(F.MaxSmClock) && r.Value(F.GpuTemp) >= 85));
        var otherwise = Run.SeriesOf(throttled[0].Gpu.Uuid).Where(r => r.UnixMs < from || r.UnixMs >= to).ToList();
        Assert.IsNotEmpty(otherwise);
        Assert.IsTrue(otherwise.All(r => (r.ClockEventReasons & ClockEventReasons.Throttling) == 0 && r.Value(F.GpuTemp) < 85));
    }

    private static List<long> LongRange(long from, long to)
    {
        var seconds = new List<long>();
        for (var t = from; t < to; t += 1000)
        {
            seconds.Add(t);
        }

        return seconds;
    }
}
