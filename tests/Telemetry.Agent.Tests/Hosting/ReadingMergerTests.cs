using Telemetry.Agent.Collectors;
using Telemetry.Agent.Hosting;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Hosting;

[TestClass]
public sealed class ReadingMergerTests
{
    private static readonly GpuIdentity Gpu = new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3");
    private static readonly GpuIdentity Mig = new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3", MigInstance: 1, MigProfile: "1g.10gb");

    [TestMethod]
    public void TheFirstCollectorsValueWinsAndTheOthersFillTheGaps()
    {
        var first = Reading(Gpu, (FieldOrdinals.PowerUsage, 300), (FieldOrdinals.GpuTemp, null));
        var second = Reading(Gpu, (FieldOrdinals.PowerUsage, 999), (FieldOrdinals.GpuTemp, 55), (FieldOrdinals.TotalEnergyConsumption, 1_000_000));

        var merged = Assert.ContainsSingle(ReadingMerger.Merge([[first], [second]]));

        Assert.AreEqual(300, merged.Values[FieldOrdinals.PowerUsage]);
        Assert.AreEqual(55, merged.Values[FieldOrdinals.GpuTemp]);
        Assert.AreEqual(1_000_000, merged.Values[FieldOrdinals.TotalEnergyConsumption]);
        Assert.IsNull(first.Values[FieldOrdinals.GpuTemp], "the collectors' own readings are left alone");
    }

    [TestMethod]
    public void AMigInstanceIsNeverMergedIntoItsParentGpu()
    {
        var merged = ReadingMerger.Merge([[Reading(Gpu, (FieldOrdinals.PowerUsage, 300))], [Reading(Mig, (FieldOrdinals.SmActive, 0.5))]]);

        Assert.HasCount(2, merged);
        Assert.IsNull(merged[0].Values[FieldOrdinals.SmActive]);
        Assert.IsNull(merged[1].Values[FieldOrdinals.PowerUsage]);
    }

    private static GpuReading Reading(GpuIdentity gpu, params (int Ordinal, double? Value)[] values)
    {
        var reading = GpuReading.Empty(gpu);
        foreach (var (ordinal, value) in values)
        {
            reading.Values[ordinal] = value;
        }

        return reading;
    }
}
