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

    [TestMethod]
    public void RanksFollowNodeIndexMigInstanceAndUuidWhateverOrderGpusWereSeenIn()
    {
        var random = new Random(7);
        var gpus = new List<GpuIdentity>();
        foreach (var node in new[] { "node-10", "node-9", "node-1", "Node-2", "node-1a" })
        {
            for (var index = 0; index < 4; index++)
            {
                gpus.Add(new(node, $"GPU-{random.Next():x8}", index, H100.Model));
            }

            // MIG instances of one GPU, and two UUIDs under one node and index (a replaced board), which only the UUID orders.
            gpus.Add(new(node, $"GPU-{node}-mig", 4, H100.Model, 2, "1g.10gb"));
            gpus.Add(new(node, $"GPU-{node}-mig", 4, H100.Model, 1, "1g.10gb"));
            gpus.Add(new(node, $"GPU-{node}-b", 5, H100.Model));
            gpus.Add(new(node, $"GPU-{node}-a", 5, H100.Model));
        }

        var expected = gpus.OrderBy(g => g.Node, StringComparer.Ordinal).ThenBy(g => g.Index).ThenBy(g => g.MigInstance ?? -1).ThenBy(g => g.Uuid, StringComparer.Ordinal).ToList();
        // As agents send them: each node's GPUs together, in index order (the replaced board's two UUIDs in either),
        // the nodes in any order, or already in order.
        List<GpuIdentity> byNode = [.. expected.GroupBy(g => g.Node).OrderBy(_ => random.Next())
            .SelectMany(node => node.OrderBy(g => g.Index).ThenBy(g => g.MigInstance ?? -1).ThenByDescending(g => g.Uuid, StringComparer.Ordinal))];
        foreach (var seen in new[] { gpus, [.. gpus.OrderBy(_ => random.Next())], [.. Enumerable.Reverse(expected)], byNode, expected })
        {
            Assert.AreEqual(Describe(expected), Describe(InRankOrder(seen)));
        }

        // An index the packed sort key cannot hold takes the plain sort, in the same order.
        var odd = gpus.Append(new("node-1", "GPU-negative", -1, H100.Model)).Append(new("node-1", "GPU-huge", 70_000, H100.Model)).OrderBy(_ => random.Next()).ToList();
        var oddExpected = odd.OrderBy(g => g.Node, StringComparer.Ordinal).ThenBy(g => g.Index).ThenBy(g => g.MigInstance ?? -1).ThenBy(g => g.Uuid, StringComparer.Ordinal).ToList();
        Assert.AreEqual(Describe(oddExpected), Describe(InRankOrder(odd)));
    }

    [TestMethod]
    public void ANewGpusIdentityIsWhatItsRowSaysWithNodeNamesAndModelsSharedBetweenGpus()
    {
        var registry = new GpuRegistry();
        GpuIdentity[] gpus =
        [
            new("node-7", "GPU-1111", 0, H100.Model),
            new("node-7", "GPU-2222", 1, H100.Model),
            new("node-7", "GPU-3333", 2, H100.Model, 3, "1g.10gb"),
            new("node-8", "GPU-4444", 0, "NVIDIA B200", -2, null),
            new("node-8", "GPU-4444", 0, "NVIDIA B200", 4, "3g.40gb"),
        ];

        var slots = Resolve(registry, gpus);

        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3, 4 }, slots);
        CollectionAssert.AreEqual(gpus, Enumerable.Range(0, gpus.Length).Select(s => registry[s].Identity).ToArray());
        Assert.AreSame(registry[0].Identity.Node, registry[2].Identity.Node);
        Assert.AreSame(registry[0].Identity.Model, registry[1].Identity.Model);
        Assert.AreSame(registry[3].Identity.Node, registry[4].Identity.Node);
        Assert.AreNotSame(registry[0].Identity.Node, registry[3].Identity.Node);
        Assert.AreEqual(1, registry.Find("GPU-2222"));
        Assert.AreEqual(3, registry.Find("GPU-4444"), "the whole GPU's key is its UUID; a MIG instance's adds /instance");
        Assert.AreEqual(4, registry.Find("GPU-4444/4"));
        Assert.IsNull(registry.Find("GPU-5555"));
    }

    [TestMethod]
    public void NamesThatFollowOneAnotherKeepTheirOwnStringsAndModelsTheirOwnPeaks()
    {
        // Each row's node name and model are checked against the last one seen: neighbours that share a prefix, differ
        // in case or length, or come first in the next batch must not be taken for it.
        string[] nodes = ["node-1", "node-10", "node-1", "node-1a", "Node-1", "node-", "node-10", "node-10"];
        string[] models = [H100.Model, "NVIDIA B200", "NVIDIA B200", "NVIDIA H100 PCIe", "NVIDIA H100", "NVIDIA A100-SXM4-80GB", H100.Model, "NVIDIA L40S"];
        var gpus = nodes.Select((node, i) => new GpuIdentity(node, $"GPU-{i}", i, models[i])).ToArray();
        var registry = new GpuRegistry();

        Resolve(registry, gpus[..4]);
        Resolve(registry, gpus[4..]);

        CollectionAssert.AreEqual(gpus, Enumerable.Range(0, gpus.Length).Select(s => registry[s].Identity).ToArray());
        CollectionAssert.AreEqual(
            models.Select(m => GpuModelPeaks.Find(m)?.PeakDenseBf16Tflops).ToArray(),
            Enumerable.Range(0, gpus.Length).Select(s => registry[s].Peak?.PeakDenseBf16Tflops).ToArray());
        Assert.AreSame(registry[0].Identity.Node, registry[2].Identity.Node);
        Assert.AreSame(registry[1].Identity.Node, registry[6].Identity.Node);
        Assert.AreSame(registry[0].Identity.Model, registry[6].Identity.Model);
    }

    private static List<GpuIdentity> InRankOrder(List<GpuIdentity> seen)
    {
        var registry = new GpuRegistry();
        foreach (var gpu in seen)
        {
            Resolve(registry, gpu);
        }

        // Asked twice: the second answer is the first, kept.
        var ranks = registry.Ranks();
        Assert.AreSame(ranks, registry.Ranks());
        var order = new GpuIdentity[ranks.Length];
        for (var slot = 0; slot < ranks.Length; slot++)
        {
            order[ranks[slot]] = registry[slot].Identity;
        }

        return [.. order];
    }

    private static string Describe(IEnumerable<GpuIdentity> gpus) => string.Join("\n", gpus.Select(g => $"{g.Node} {g.Index} {g.MigInstance} {g.Uuid}"));

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
