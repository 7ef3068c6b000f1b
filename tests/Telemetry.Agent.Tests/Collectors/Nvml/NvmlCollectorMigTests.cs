using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Collectors.Nvml;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

[TestClass]
public sealed class NvmlCollectorMigTests
{
    private const string GpuUuid = "GPU-5d0b4c7e-8c1f-4b6e-9a3e-1f2d3c4b5a69";
    private const string Model = "NVIDIA H100 80GB HBM3";

    [TestMethod]
    public async Task EachMigDeviceIsAReadingOfItsOwnWithItsInstanceAndProfile()
    {
        var nvml = GpuInMigMode();

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.HasCount(3, readings);
        Assert.AreEqual(new GpuIdentity(NvmlCollectors.Node, GpuUuid, 0, Model), readings[0].Gpu);
        Assert.AreEqual(new GpuIdentity(NvmlCollectors.Node, "MIG-7a8d0f2e-1b3c-5d4e-9f6a-0b1c2d3e4f50", 0, Model, 1, "3g.40gb"), readings[1].Gpu);
        Assert.AreEqual(new GpuIdentity(NvmlCollectors.Node, "MIG-0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", 0, Model, 5, "1g.10gb"), readings[2].Gpu);
        Assert.AreEqual(3, counters.Readings);
    }

    [TestMethod]
    public async Task AMigDeviceReportsItsOwnMemoryAndLeavesGpuWideFieldsToTheGpu()
    {
        var nvml = GpuInMigMode();

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        var mig = readings[1].Values;
        Assert.AreEqual(40_192.0, mig[FieldOrdinals.FbTotal]);
        Assert.AreEqual(40_000.0, mig[FieldOrdinals.FbFree]);
        Assert.AreEqual(192.0, mig[FieldOrdinals.FbUsed]);
        Assert.IsNull(mig[FieldOrdinals.PowerUsage]);
        Assert.IsNull(mig[FieldOrdinals.TotalEnergyConsumption], "energy is counted once, on the GPU");
        Assert.AreEqual(631.95, readings[0].Values[FieldOrdinals.PowerUsage]);
        Assert.IsEmpty(counters.Blanks);
        Assert.IsEmpty(counters.Errors);
    }

    [TestMethod]
    public async Task MigDevicesAreNotReadWhenMigModeIsOff()
    {
        var nvml = GpuInMigMode();
        nvml.Gpus[0].MigMode = false;

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.HasCount(1, readings);
        Assert.IsNull(readings[0].Gpu.MigInstance);
    }

    [TestMethod]
    public async Task AGpuWithoutMigIsReadAloneWithoutCountingAnything()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(GpuUuid, "NVIDIA L40S").Fail(nameof(INvml.DeviceGetMigMode), NvmlReturn.NotSupported);

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.HasCount(1, readings);
        Assert.IsEmpty(counters.Errors);
        Assert.IsEmpty(counters.Blanks);
    }

    [TestMethod]
    public async Task MigDevicesAreSkippedWhenTheOptionIsOff()
    {
        var nvml = GpuInMigMode();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, migDevices: false);

        var readings = await collector.CollectAsync(CancellationToken.None);

        Assert.HasCount(1, readings);
    }

    [TestMethod]
    public async Task AMigDevicesGpmMetricsAreThoseOfItsGpuInstance()
    {
        var nvml = GpuInMigMode();
        nvml.Gpus[0].Gpm = new Dictionary<NvmlGpmMetricId, double> { [NvmlGpmMetricId.SmUtil] = 50 };
        var time = new FakeTimeProvider();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var readings = await collector.CollectAsync(CancellationToken.None);

        Assert.AreEqual(0.50, readings[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.75, readings[1].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.25, readings[2].Values[FieldOrdinals.SmActive]);
    }

    private static FakeNvml GpuInMigMode()
    {
        var nvml = new FakeNvml();
        var gpu = nvml.AddGpu(GpuUuid, Model);
        gpu.MigMode = true;
        gpu.MigSlots.Add(new FakeMigDevice("MIG-7a8d0f2e-1b3c-5d4e-9f6a-0b1c2d3e4f50", 1, Model + " MIG 3g.40gb",
            new NvmlMemory { Total = 40_192UL << 20, Free = 40_000UL << 20, Used = 192UL << 20 })
        {
            Gpm = { [NvmlGpmMetricId.SmUtil] = 75 },
        });
        gpu.MigSlots.Add(null);
        gpu.MigSlots.Add(new FakeMigDevice("MIG-0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d", 5, Model + " MIG 1g.10gb",
            new NvmlMemory { Total = 9_984UL << 20, Free = 9_856UL << 20, Used = 128UL << 20 })
        {
            Gpm = { [NvmlGpmMetricId.SmUtil] = 25 },
        });
        return nvml;
    }
}
