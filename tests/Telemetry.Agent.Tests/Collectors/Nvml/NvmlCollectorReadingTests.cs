using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.Nvml;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

[TestClass]
public sealed class NvmlCollectorReadingTests
{
    private const string Uuid = "GPU-5d0b4c7e-8c1f-4b6e-9a3e-1f2d3c4b5a69";

    [TestMethod]
    public async Task EachGpuIsIdentifiedByNodeUuidIndexAndName()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid);
        nvml.AddGpu("GPU-00000000-0000-0000-0000-000000000001", "NVIDIA L40S");

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.HasCount(2, readings);
        Assert.AreEqual(new GpuIdentity(NvmlCollectors.Node, Uuid, 0, "NVIDIA H100 80GB HBM3"), readings[0].Gpu);
        Assert.AreEqual(new GpuIdentity(NvmlCollectors.Node, "GPU-00000000-0000-0000-0000-000000000001", 1, "NVIDIA L40S"), readings[1].Gpu);
        Assert.AreEqual(1, counters.Collections);
        Assert.AreEqual(2, counters.Readings);
    }

    [TestMethod]
    public async Task PowerAndThePowerLimitAreReportedInWattsFromMilliwatts()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).PowerMilliwatts = 631_950;

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.AreEqual(631.95, readings[0].Values[FieldOrdinals.PowerUsage]);
        Assert.AreEqual(700.0, readings[0].Values[FieldOrdinals.EnforcedPowerLimit]);
    }

    [TestMethod]
    public async Task TheEnergyCounterIsReportedInMillijoulesExactly()
    {
        var nvml = new FakeNvml();
        // 2^53 - 1: the largest count a double holds exactly, far past 32 bits.
        nvml.AddGpu(Uuid).EnergyMillijoules = 9_007_199_254_740_991;

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        var energy = readings[0].Values[FieldOrdinals.TotalEnergyConsumption];
        Assert.IsNotNull(energy);
        Assert.AreEqual(9_007_199_254_740_991L, (long)energy.Value);
    }

    [TestMethod]
    public async Task MemoryIsReportedInMebibytesFromBytes()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).Memory = new NvmlMemory { Total = 85_520_809_984, Free = 64_238_911_488, Used = 20_781_203_456 };

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.AreEqual(81_559.0, readings[0].Values[FieldOrdinals.FbTotal]);
        Assert.AreEqual(61_263.0, readings[0].Values[FieldOrdinals.FbFree]);
        Assert.AreEqual(19_818.5, readings[0].Values[FieldOrdinals.FbUsed]);
    }

    [TestMethod]
    public async Task ClocksTemperaturesAndUtilizationAreReportedInNvmlsOwnUnits()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid);

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        var values = readings[0].Values;
        Assert.AreEqual(1980.0, values[FieldOrdinals.SmClock]);
        Assert.AreEqual(2619.0, values[FieldOrdinals.MemClock]);
        Assert.AreEqual(1980.0, values[FieldOrdinals.MaxSmClock]);
        Assert.AreEqual(59.0, values[FieldOrdinals.GpuTemp]);
        Assert.AreEqual(54.0, values[FieldOrdinals.MemoryTemp], "memory temperature comes from the NVML_FI_DEV_MEMORY_TEMP field value");
        Assert.AreEqual(100.0, values[FieldOrdinals.GpuUtil]);
        Assert.AreEqual(11.0, values[FieldOrdinals.MemCopyUtil]);
    }

    [TestMethod]
    public async Task TheClockEventReasonsBitmaskIsReportedAsNvmlSetsIt()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).ClocksEventReasons = (ulong)(ClockEventReasons.SwPowerCap | ClockEventReasons.HwThermalSlowdown);

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        var reasons = (ClockEventReasons)(long)readings[0].Values[FieldOrdinals.ClocksEventReasons]!.Value;
        Assert.AreEqual(ClockEventReasons.SwPowerCap | ClockEventReasons.HwThermalSlowdown, reasons);
        Assert.IsTrue(reasons.HasFlag(ClockEventReasons.HwThermalSlowdown));
    }

    [TestMethod]
    public async Task EccAndPcieReplayCountsAreTheVolatileTotals()
    {
        var nvml = new FakeNvml();
        var gpu = nvml.AddGpu(Uuid);
        gpu.EccCorrected = 12;
        gpu.EccUncorrected = 1;
        gpu.PcieReplays = 3;

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.AreEqual(12.0, readings[0].Values[FieldOrdinals.EccSbeVolatileTotal]);
        Assert.AreEqual(1.0, readings[0].Values[FieldOrdinals.EccDbeVolatileTotal]);
        Assert.AreEqual(3.0, readings[0].Values[FieldOrdinals.PcieReplayCounter]);
    }

    [TestMethod]
    public async Task AFieldTheGpuDoesNotSupportIsNullAndCountedAsNotSupported()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).Fail(nameof(INvml.DeviceGetTotalEccErrors) + NvmlMemoryErrorType.Corrected, NvmlReturn.NotSupported);

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.IsNull(readings[0].Values[FieldOrdinals.EccSbeVolatileTotal]);
        Assert.AreEqual(1, counters.Blanks[("ecc_sbe_volatile", BlankReason.NotSupported)]);
        Assert.IsEmpty(counters.Errors);
        Assert.AreEqual(0.0, readings[0].Values[FieldOrdinals.EccDbeVolatileTotal], "the other ECC count is still read");
    }

    [TestMethod]
    public async Task AFailedCallEmptiesItsFieldsAndIsCountedByNameWithoutFailingTheCollection()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).Fail(nameof(INvml.DeviceGetPowerUsage), NvmlReturn.NoPermission).Fail(nameof(INvml.DeviceGetMemoryInfo), NvmlReturn.GpuIsLost);

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.IsNull(readings[0].Values[FieldOrdinals.PowerUsage]);
        Assert.IsNull(readings[0].Values[FieldOrdinals.FbUsed]);
        Assert.AreEqual(1, counters.Errors["power_usage: NVML_ERROR_NO_PERMISSION"]);
        Assert.AreEqual(1, counters.Errors["fb_total: NVML_ERROR_GPU_IS_LOST"]);
        Assert.AreEqual(1, counters.Errors["fb_used: NVML_ERROR_GPU_IS_LOST"]);
        Assert.IsEmpty(counters.Blanks);
        Assert.AreEqual(1, counters.Collections);
        Assert.AreEqual(700.0, readings[0].Values[FieldOrdinals.EnforcedPowerLimit]);
    }

    [TestMethod]
    public async Task AnUnavailableUtilizationIsNullAndCounted()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).Utilization = new NvmlUtilization { Gpu = 0xFFFFFFFF, Memory = 7 };

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.IsNull(readings[0].Values[FieldOrdinals.GpuUtil]);
        Assert.AreEqual(1, counters.Blanks[("gpu_util", BlankReason.Unavailable)]);
        Assert.AreEqual(7.0, readings[0].Values[FieldOrdinals.MemCopyUtil]);
    }

    [TestMethod]
    public async Task AnUnavailable64BitCounterIsNullAndCounted()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).EnergyMillijoules = ulong.MaxValue;

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.IsNull(readings[0].Values[FieldOrdinals.TotalEnergyConsumption]);
        Assert.AreEqual(1, counters.Blanks[("total_energy", BlankReason.Unavailable)]);
    }

    [TestMethod]
    public async Task AnEnergyCounterInsideDcgmsSentinelRangeIsStillAReading()
    {
        var nvml = new FakeNvml();
        // DCGM_INT32_BLANK + 2: a DCGM sentinel, but from NVML just the counter about 35 minutes into a 1 kW GPU's day.
        nvml.AddGpu(Uuid).EnergyMillijoules = 0x7ffffff2;

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.AreEqual((double)0x7ffffff2, readings[0].Values[FieldOrdinals.TotalEnergyConsumption]);
        Assert.IsEmpty(counters.Blanks);
    }

    [TestMethod]
    public async Task AMemoryTemperatureTheGpuCannotMeasureIsCountedAsNotSupported()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).MemoryTemp = new NvmlFieldValue { NvmlReturn = NvmlReturn.NotSupported };

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.IsNull(readings[0].Values[FieldOrdinals.MemoryTemp]);
        Assert.AreEqual(1, counters.Blanks[("memory_temp", BlankReason.NotSupported)]);
    }

    [TestMethod]
    public async Task AMemoryTemperatureIsReadWhicheverValueTypeNvmlUses()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).MemoryTemp = new NvmlFieldValue { ValueType = NvmlValueType.SignedLongLong, Value = new NvmlValue { SignedLong = 61 } };
        nvml.AddGpu("GPU-2").MemoryTemp = new NvmlFieldValue { ValueType = NvmlValueType.Double, Value = new NvmlValue { Double = 47.5 } };

        var (readings, _) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.AreEqual(61.0, readings[0].Values[FieldOrdinals.MemoryTemp]);
        Assert.AreEqual(47.5, readings[1].Values[FieldOrdinals.MemoryTemp]);
    }

    [TestMethod]
    public async Task AGpuThatCannotBeIdentifiedIsSkippedAndCounted()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid).Fail(nameof(INvml.DeviceGetUuid), NvmlReturn.GpuIsLost);
        nvml.AddGpu("GPU-2");

        var (readings, counters) = await NvmlCollectors.CollectOnceAsync(nvml);

        Assert.HasCount(1, readings);
        Assert.AreEqual("GPU-2", readings[0].Gpu.Uuid);
        Assert.AreEqual(1, readings[0].Gpu.Index);
        Assert.AreEqual(1, counters.Errors["nvmlDeviceGetUUID: NVML_ERROR_GPU_IS_LOST"]);
    }

    [TestMethod]
    public async Task ACollectionFailsAndIsCountedWhenNvmlCannotCountTheGpus()
    {
        var nvml = new FakeNvml { CountResult = NvmlReturn.DriverNotLoaded };
        nvml.AddGpu(Uuid);
        await using var collector = await NvmlCollectors.StartedAsync(nvml);

        var error = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => collector.CollectAsync(CancellationToken.None).AsTask());

        Assert.Contains("NVML_ERROR_DRIVER_NOT_LOADED", error.Message);
        Assert.AreEqual(1, collector.Counters.Errors["nvmlDeviceGetCount_v2: NVML_ERROR_DRIVER_NOT_LOADED"]);
        Assert.AreEqual(0, collector.Counters.Collections);
    }
}
