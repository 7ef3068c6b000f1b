using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Attribution;

[TestClass]
public sealed class WorkloadLabelSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly GpuIdentity Gpu0 = new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3");
    private static readonly GpuIdentity Gpu1 = new("node-1", "GPU-bbbb", 1, "NVIDIA H100 80GB HBM3");

    [TestMethod]
    public void APodOnAGpuIsAJobNamedByNamespaceAndPodChargedToTheNamespace()
    {
        var labels = new List<GpuWorkloadLabels> { new(Gpu0, "trainer-0", "ml-research", "pytorch", null) };
        var source = new WorkloadLabelSource(() => labels, "node-1");

        var start = Assert.ContainsSingle(source.Poll(Now));

        Assert.AreEqual((AllocationEventType.Start, "ml-research/trainer-0", "ml-research"), (start.Type, start.JobId, start.Team));
        CollectionAssert.AreEqual(new[] { "GPU-aaaa" }, start.GpuUuids.ToArray());
    }

    [TestMethod]
    public void AnHpcJobLabelWinsOverThePod()
    {
        var labels = new List<GpuWorkloadLabels> { new(Gpu1, "trainer-0", "ml", null, "slurm-77") };

        var start = Assert.ContainsSingle(new WorkloadLabelSource(() => labels, "node-1").Poll(Now));

        Assert.AreEqual("slurm-77", start.JobId);
    }

    [TestMethod]
    public void WhenThePodIsGoneItsGpuIsReleased()
    {
        var labels = new List<GpuWorkloadLabels> { new(Gpu0, "trainer-0", "ml", null, null), new(Gpu1, null, null, null, null) };
        var source = new WorkloadLabelSource(() => labels, "node-1");
        source.Poll(Now);
        labels = [new(Gpu0, null, null, null, null), new(Gpu1, null, null, null, null)];

        var stop = Assert.ContainsSingle(source.Poll(Now.AddMinutes(2)));

        Assert.AreEqual((AllocationEventType.Stop, "ml/trainer-0"), (stop.Type, stop.JobId));
    }
}
