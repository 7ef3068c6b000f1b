using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Gpus;

[TestClass]
public sealed class GpuModelTableTests
{
    [TestMethod]
    public void TheShippedTableFileIsTheBuiltInTable()
    {
        var loaded = GpuModelPeaks.Load(Path.Combine(AppContext.BaseDirectory, "Gpus", "gpu-models.json"));

        CollectionAssert.AreEqual(GpuModelPeaks.Default.ToList(), loaded.ToList());
    }

    [TestMethod]
    public void EveryBuiltInModelNamesItsSource()
    {
        Assert.IsTrue(GpuModelPeaks.Default.All(m => !string.IsNullOrWhiteSpace(m.Source) && m.TdpWatts > 0));
    }

    [TestMethod]
    public void AnEntryOutOfRangeIsRefusedNamingTheFileAndTheEntry()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """[{"match": "H100", "peak_dense_bf16_tflops": 989, "max_sm_clock_mhz": 1980}, {"match": "X", "peak_dense_bf16_tflops": -1, "max_sm_clock_mhz": 1}]""");

            var e = Assert.ThrowsExactly<InvalidDataException>(() => GpuModelPeaks.Load(path));

            Assert.Contains(path, e.Message);
            Assert.Contains("[1]", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void TheAggregatorEstimatesTensorWorkWithTheTableItIsGiven()
    {
        var options = new AggregatorOptions { Models = [new GpuModelPeak("H100", 1000, 2000)] };
        var aggregator = new SampleAggregator(options, Clock());
        new SampleRows()
            .Add(H100, At(0), new Reading(TensorActive: 0.5, SmClock: 2000, Power: 500))
            .Add(H100, At(10), new Reading(TensorActive: 0.5, SmClock: 2000, Power: 500))
            .FeedTo(aggregator, Samples0);

        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);

        Assert.AreEqual(0.5 * 1000 * 10, gpu.Tflop, 1e-9);
    }
}
