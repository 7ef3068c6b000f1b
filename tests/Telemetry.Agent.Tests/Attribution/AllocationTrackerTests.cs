using Telemetry.Agent.Attribution;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Tests.Attribution;

[TestClass]
public sealed class AllocationTrackerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly JobAssignment Train = new("train-7", "ada", "research");
    private static readonly JobAssignment Serve = new("serve-2", "svc", "product");

    [TestMethod]
    public void GpusThatAJobTakesTogetherShareOneStartEvent()
    {
        var tracker = new AllocationTracker("node-1");

        var events = tracker.Update(new Dictionary<string, JobAssignment> { ["GPU-b"] = Train, ["GPU-a"] = Train }, Now);

        var start = Assert.ContainsSingle(events);
        Assert.AreEqual(AllocationEventType.Start, start.Type);
        CollectionAssert.AreEqual(new[] { "GPU-a", "GPU-b" }, start.GpuUuids.ToArray());
        Assert.AreEqual(("train-7", "ada", "research", "node-1", Now), (start.JobId, start.User, start.Team, start.Node, start.Time));
    }

    [TestMethod]
    public void AnUnchangedSnapshotGivesNoEvents()
    {
        var tracker = new AllocationTracker("node-1");
        var snapshot = new Dictionary<string, JobAssignment> { ["GPU-a"] = Train };
        tracker.Update(snapshot, Now);

        Assert.IsEmpty(tracker.Update(snapshot, Now.AddSeconds(1)));
    }

    [TestMethod]
    public void AGpuChangingJobsStopsTheOldJobBeforeStartingTheNew()
    {
        var tracker = new AllocationTracker("node-1");
        tracker.Update(new Dictionary<string, JobAssignment> { ["GPU-a"] = Train, ["GPU-b"] = Train }, Now);

        var events = tracker.Update(new Dictionary<string, JobAssignment> { ["GPU-a"] = Serve, ["GPU-b"] = Train }, Now.AddMinutes(1));

        Assert.HasCount(2, events);
        Assert.AreEqual((AllocationEventType.Stop, "train-7"), (events[0].Type, events[0].JobId));
        CollectionAssert.AreEqual(new[] { "GPU-a" }, events[0].GpuUuids.ToArray());
        Assert.AreEqual((AllocationEventType.Start, "serve-2"), (events[1].Type, events[1].JobId));
    }

    [TestMethod]
    public void AGpuLeavingTheSnapshotStopsItsJob()
    {
        var tracker = new AllocationTracker("node-1");
        tracker.Update(new Dictionary<string, JobAssignment> { ["GPU-a"] = Train }, Now);

        var stop = Assert.ContainsSingle(tracker.Update(new Dictionary<string, JobAssignment>(), Now.AddMinutes(5)));

        Assert.AreEqual((AllocationEventType.Stop, "train-7", Now.AddMinutes(5)), (stop.Type, stop.JobId, stop.Time));
        Assert.IsEmpty(tracker.Current);
    }
}
