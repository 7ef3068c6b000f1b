using Telemetry.Agent.Simulation;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>The truth the simulation keeps, checked against what it emitted: readings, allocation and throughput events.</summary>
[TestClass]
public sealed class FleetSimulationTruthTests
{
    // Four nodes hold one of each job kind; 1000 s crosses a training checkpoint stall and every job start and stop.
    private static RecordedRun Run { get; set; } = null!;

    [ClassInitialize]
    public static void RecordRun(TestContext context) =>
        Run = RecordedRun.Of(new FleetSimulationOptions { Nodes = 4, GpusPerNode = 8, Seed = 7, Duration = TimeSpan.FromSeconds(1000) });

    [TestMethod]
    public void JobEnergyIsTheCounterAdvanceOverEachSecondThatStartsWhileTheJobHoldsTheGpu()
    {
        foreach (var job in Run.Simulation.Jobs)
        {
            var (energy, gpuSeconds) = CounterAdvanceWhileHeld(job);

            var truth = Run.Simulation.Truth[job.Id];

            Assert.IsGreaterThan(0, energy, job.Id);
            Assert.AreEqual(energy, truth.EnergyMilliJoules, job.Id);
            Assert.AreEqual(gpuSeconds, truth.GpuSeconds, job.Id);
        }
    }

    [TestMethod]
    public void TheEnergyCounterNeverDecreases()
    {
        foreach (var gpu in Run.Gpus)
        {
            var series = Run.SeriesOf(gpu.Uuid);

            var decreases = series.Zip(series.Skip(1)).Where(p => p.Second.EnergyMilliJoules < p.First.EnergyMilliJoules).ToList();

            Assert.IsEmpty(decreases, gpu.Uuid);
            Assert.IsGreaterThan(series[0].EnergyMilliJoules, series[^1].EnergyMilliJoules, gpu.Uuid);
        }
    }

    [TestMethod]
    public void FleetEnergyIsTheSumOfEveryCounterAdvance()
    {
        var advance = Run.Gpus.Sum(g => Run.SeriesOf(g.Uuid)[^1].EnergyMilliJoules - Run.SeriesOf(g.Uuid)[0].EnergyMilliJoules);

        Assert.AreEqual(advance, Run.Simulation.FleetEnergyMilliJoules);
    }

    [TestMethod]
    public void JobTokensAreTheSumOfItsThroughputEvents()
    {
        foreach (var job in Run.Simulation.Jobs)
        {
            var reported = Run.Throughput.Where(e => e.JobId == job.Id).Sum(e => e.Count);

            var truth = Run.Simulation.Truth[job.Id];

            Assert.AreEqual(reported, truth.Tokens, job.Id);
            if (job.Kind == SimulatedJobKind.Inference)
            {
                Assert.IsGreaterThan(0, truth.Tokens, job.Id);
            }
            else
            {
                Assert.AreEqual(0, truth.Tokens, job.Id);
            }
        }
    }

    [TestMethod]
    public void ThroughputEventsTileTheJobsActiveTimeWithoutOverlap()
    {
        var inference = Run.Simulation.Jobs.Where(j => j.Kind == SimulatedJobKind.Inference).ToList();
        Assert.IsNotEmpty(inference);
        foreach (var job in inference)
        {
            var events = Run.Throughput.Where(e => e.JobId == job.Id).OrderBy(e => e.Start).ToList();

            Assert.IsNotEmpty(events, job.Id);
            Assert.AreEqual(job.StartUnixMs, events[0].Start.ToUnixTimeMilliseconds(), job.Id);
            Assert.AreEqual(Math.Min(job.StopUnixMs, Run.Simulation.EndUnixMs), events[^1].End.ToUnixTimeMilliseconds(), job.Id);
            foreach (var (before, after) in events.Zip(events.Skip(1)))
            {
                Assert.AreEqual(before.End, after.Start, $"{job.Id}: event after {before.Start:O}");
            }

            Assert.IsTrue(events.All(e => e.End > e.Start && e.End - e.Start <= TimeSpan.FromSeconds(10) && e.Unit == "tokens"), job.Id);
        }
    }

    [TestMethod]
    public void EachNodeAJobSpansGetsAStartAtItsStartAndAStopAtItsStop()
    {
        foreach (var job in Run.Simulation.Jobs)
        {
            var byNode = job.Gpus.Select(g => Run.Gpus[g]).GroupBy(g => g.Node, StringComparer.Ordinal).ToList();

            var events = Run.Allocations.Where(e => e.JobId == job.Id).ToList();

            Assert.HasCount(2 * byNode.Count, events, job.Id);
            foreach (var node in byNode)
            {
                var uuids = node.Select(g => g.Uuid).ToList();
                AssertOneEvent(events, AllocationEventType.Start, job.StartUnixMs, node.Key, uuids, job);
                AssertOneEvent(events, AllocationEventType.Stop, Math.Min(job.StopUnixMs, Run.Simulation.EndUnixMs), node.Key, uuids, job);
            }
        }
    }

    [TestMethod]
    public void TheTrainingJobSpansTwoNodesInItsAllocations()
    {
        var training = Run.Simulation.Jobs.Single(j => j.Kind == SimulatedJobKind.Training && j.Gpus.Count == 16);

        var starts = Run.Allocations.Where(e => e.JobId == training.Id && e.Type == AllocationEventType.Start).ToList();

        CollectionAssert.AreEquivalent(new[] { FleetSimulation.NodeName(0), FleetSimulation.NodeName(1) }, starts.Select(e => e.Node).ToList());
        Assert.IsTrue(starts.All(e => e.GpuUuids.Count == 8));
    }

    private static (long Energy, long GpuSeconds) CounterAdvanceWhileHeld(SimulatedJob job)
    {
        long energy = 0;
        long gpuSeconds = 0;
        foreach (var gpu in job.Gpus)
        {
            var series = Run.SeriesOf(Run.Gpus[gpu].Uuid);
            foreach (var (before, after) in series.Zip(series.Skip(1)))
            {
                if (job.IsActiveAt(before.UnixMs))
                {
                    energy += after.EnergyMilliJoules - before.EnergyMilliJoules;
                    gpuSeconds++;
                }
            }
        }

        return (energy, gpuSeconds);
    }

    private static void AssertOneEvent(List<AllocationEvent> events, AllocationEventType type, long unixMs, string node, List<string> uuids, SimulatedJob job)
    {
        var matching = events.Where(e => e.Type == type && e.Node == node).ToList();
        var what = $"{job.Id} {type} on {node}";
        Assert.HasCount(1, matching, what);
        var e = matching[0];
        Assert.AreEqual(unixMs, e.Time.ToUnixTimeMilliseconds(), what);
        CollectionAssert.AreEqual(uuids, e.GpuUuids.ToList(), what);
        Assert.AreEqual(job.User, e.User, what);
        Assert.AreEqual(job.Team, e.Team, what);
    }
}
