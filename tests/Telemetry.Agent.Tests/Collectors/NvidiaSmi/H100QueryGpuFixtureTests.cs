using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Contract.Fields;
using static Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>The <c>--format=csv</c> parser against the real H100 capture: units in the header and values, notices, 212 columns.</summary>
[TestClass]
public sealed class H100QueryGpuFixtureTests
{
    // No energy counter, no PCIe replay counter, no XID and no profiling ratios among nvidia-smi 590's 212 fields.
    private static readonly string[] NotOffered =
    [
        "total_energy", "pcie_replay_count", "xid", "gr_engine_active", "sm_active", "sm_occupancy", "tensor_active",
        "dram_active", "fp64_active", "fp32_active", "fp16_active", "pcie_tx_bytes", "pcie_rx_bytes", "nvlink_tx_bytes", "nvlink_rx_bytes",

        // nvidia-smi does offer remapped_rows.correctable, .uncorrectable and .failure; the parser does not read them yet.
        "uncorrectable_remapped_rows", "correctable_remapped_rows", "row_remap_failure",
    ];

    [TestMethod]
    public void TheIdleRowReadsAsTheCapturePrintedIt()
    {
        var counters = new CollectorCounters();

        var reading = Assert.ContainsSingle(new QueryGpuParser("h100-node", counters).ParseWithHeader(H100Capture.Section(H100Capture.IdleQueryGpu)));

        Assert.AreEqual(new("h100-node", "GPU-00000000-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3"), reading.Gpu);
        Assert.AreEqual(69.85, reading.Values[PowerUsage]);
        Assert.AreEqual(700.0, reading.Values[EnforcedPowerLimit]);
        Assert.AreEqual(41.0, reading.Values[GpuTemp]);
        Assert.AreEqual(48.0, reading.Values[MemoryTemp]);
        Assert.AreEqual(345.0, reading.Values[SmClock]);
        Assert.AreEqual(2619.0, reading.Values[MemClock]);
        Assert.AreEqual(1980.0, reading.Values[MaxSmClock]);
        Assert.AreEqual(81559.0, reading.Values[FbTotal]);
        Assert.AreEqual(0.0, reading.Values[FbUsed]);
        Assert.AreEqual(81081.0, reading.Values[FbFree]);
        Assert.AreEqual(0.0, reading.Values[GpuUtil]);
        Assert.AreEqual(0.0, reading.Values[MemCopyUtil]);
        Assert.AreEqual(0.0, reading.Values[EccSbeVolatileTotal]);
        Assert.AreEqual(0.0, reading.Values[EccDbeVolatileTotal]);
        Assert.AreEqual(ClockEventReasons.GpuIdle, (ClockEventReasons)(long)reading.Values[ClocksEventReasons]!.Value);
        Assert.IsEmpty(counters.Blanks, "every column the parser maps holds a number in this capture");
        Assert.IsEmpty(counters.Errors);
    }

    [TestMethod]
    public void TheLoadRowReadsAsTheCapturePrintedIt()
    {
        var counters = new CollectorCounters();

        var reading = Assert.ContainsSingle(new QueryGpuParser("h100-node", counters).ParseWithHeader(H100Capture.Section(H100Capture.LoadQueryGpu)));

        Assert.AreEqual(631.95, reading.Values[PowerUsage]);
        Assert.AreEqual(700.0, reading.Values[EnforcedPowerLimit]);
        Assert.AreEqual(100.0, reading.Values[GpuUtil]);
        Assert.AreEqual(11.0, reading.Values[MemCopyUtil]);
        Assert.AreEqual(1980.0, reading.Values[SmClock]);
        Assert.AreEqual(59.0, reading.Values[GpuTemp]);
        Assert.AreEqual(54.0, reading.Values[MemoryTemp]);
        Assert.AreEqual(19818.0, reading.Values[FbUsed]);
        Assert.AreEqual(61263.0, reading.Values[FbFree]);
        Assert.AreEqual(0.0, reading.Values[ClocksEventReasons], "clocks_event_reasons.active 0x0000000000000000: nothing holds the clocks down");
        Assert.IsEmpty(counters.Blanks);
    }

    [TestMethod]
    public void FieldsThatNvidiaSmiDoesNotOfferStayNull()
    {
        var reading = Assert.ContainsSingle(new QueryGpuParser("h100-node", new CollectorCounters()).ParseWithHeader(H100Capture.Section(H100Capture.IdleQueryGpu)));

        var missing = FieldCatalog.All.Where((_, ordinal) => reading.Values[ordinal] is null).Select(f => f.Name).ToList();

        CollectionAssert.AreEquivalent(NotOffered, missing);
    }

    [TestMethod]
    public void QueryGpuAndDmonOfTheIdleCaptureAgree()
    {
        var query = Assert.ContainsSingle(new QueryGpuParser("h100-node", new CollectorCounters()).ParseWithHeader(H100Capture.Section(H100Capture.IdleQueryGpu)));
        var dmon = DmonParser.Parse(H100Capture.Section(H100Capture.IdleDmon))[0];

        Assert.AreEqual(query.Gpu.Index, dmon.Gpu);
        Assert.AreEqual(query.Values[SmClock], dmon.Values[SmClock]);
        Assert.AreEqual(query.Values[MemClock], dmon.Values[MemClock]);
        Assert.AreEqual(query.Values[GpuTemp], dmon.Values[GpuTemp]);
        Assert.AreEqual(query.Values[GpuUtil], dmon.Values[GpuUtil]);
        Assert.AreEqual(query.Values[PowerUsage]!.Value, dmon.Values[PowerUsage]!.Value, 1.0, "dmon prints whole watts");
    }
}
