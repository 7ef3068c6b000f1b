using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Gpus;

/// <summary>Rows resolve to their GPUs' slots, whether a batch repeats an earlier one's GPUs in order or not.</summary>
[TestClass]
public sealed class GpuRegistryTests
{
    private static readonly GpuIdentity Mig1 = new("node-1", H100.Uuid, 0, H100.Model, 1, "1g.10gb");
    private static readonly GpuIdentity Mig2 = new("node-1", H100.Uuid, 0, H100.Model, 2, "1g.10gb");

    [TestMethod]
    public void ABatchLikeTheLastOneInItsFirstRowButNotInTheOthersIsResolvedRowByRow()
    {
        var registry = new GpuRegistry();
        var first = Resolve(registry, H100, OtherH100);
        var swapped = Resolve(registry, H100, Mig1);
        var again = Resolve(registry, H100, OtherH100);
        var longer = Resolve(registry, H100, H100, OtherH100);

        CollectionAssert.AreEqual(new[] { 0, 1 }, first);
        CollectionAssert.AreEqual(new[] { 0, 2 }, swapped);
        CollectionAssert.AreEqual(new[] { 0, 1 }, again);
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, longer);
        Assert.AreEqual(3, registry.Count);
    }

    [TestMethod]
    public void MigInstancesOfOneGpuInARepeatedBatchKeepTheirOwnSlots()
    {
        var registry = new GpuRegistry();
        var first = Resolve(registry, Mig1, Mig2);
        var repeated = Resolve(registry, Mig1, Mig2);
        var other = Resolve(registry, Mig1, H100);

        CollectionAssert.AreEqual(new[] { 0, 1 }, first);
        CollectionAssert.AreEqual(first, repeated);
        CollectionAssert.AreEqual(new[] { 0, 2 }, other);
        Assert.AreEqual(Mig2.MigInstance, registry[1].Identity.MigInstance);
    }

    [TestMethod]
    public void ABatchWithTheSameUuidBytesSplitIntoOtherUuidsIsResolvedRowByRow()
    {
        var registry = new GpuRegistry();
        var first = Resolve(registry, H100, Gpu("GPU-AB", 1), Gpu("GPU-C", 2));
        var resplit = Resolve(registry, H100, Gpu("GPU-A", 1), Gpu("BGPU-C", 2));

        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, first);
        CollectionAssert.AreEqual(new[] { 0, 3, 4 }, resplit);
        Assert.AreEqual("BGPU-C", registry[4].Identity.Uuid);
    }

    [TestMethod]
    public void ABatchThatAddsMigInstancesToTheSameUuidsIsResolvedRowByRow()
    {
        var registry = new GpuRegistry();
        var whole = Resolve(registry, H100, H100);
        var migs = Resolve(registry, H100, Mig1);
        var wholeAgain = Resolve(registry, H100, H100);

        CollectionAssert.AreEqual(new[] { 0, 0 }, whole);
        CollectionAssert.AreEqual(new[] { 0, 1 }, migs);
        CollectionAssert.AreEqual(whole, wholeAgain);
    }

    private static GpuIdentity Gpu(string uuid, int index) => new("node-1", uuid, index, H100.Model);

    private static int[] Resolve(GpuRegistry registry, params GpuIdentity[] gpus)
    {
        var rows = new SampleRows();
        foreach (var gpu in gpus)
        {
            rows.Add(gpu, T0);
        }

        using var batch = rows.Decode();
        var slots = new int[gpus.Length];
        registry.ResolveAll(batch, slots);
        return slots;
    }
}
