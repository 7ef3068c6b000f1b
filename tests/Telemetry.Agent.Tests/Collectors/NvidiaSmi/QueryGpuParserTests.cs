using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;
using static Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>The <c>--format=csv,noheader,nounits</c> rows the collector asks for, in the order of <see cref="QueryGpuFields.Query"/>.</summary>
[TestClass]
public sealed class QueryGpuParserTests
{
    private const string H100Row = "0, GPU-0a1b2c3d-0000-1111-2222-333344445555, NVIDIA H100 80GB HBM3, 97, 41, 612.40, 700.00, 66, 71, 1980, 2619, 1980, 81559, 70000, 11081, 0x0000000000000004, 3, 0";

    private readonly CollectorCounters _counters = new();

    [TestMethod]
    public void EveryColumnLandsInItsCatalogField()
    {
        var reading = Assert.ContainsSingle(Parse(H100Row));

        Assert.AreEqual(new("node-7", "GPU-0a1b2c3d-0000-1111-2222-333344445555", 0, "NVIDIA H100 80GB HBM3"), reading.Gpu);
        double?[] expected = [97, 41, 612.40, 700, 66, 71, 1980, 2619, 1980, 81559, 70000, 11081, 4, 3, 0];
        int[] ordinals = [GpuUtil, MemCopyUtil, PowerUsage, EnforcedPowerLimit, GpuTemp, MemoryTemp, SmClock, MemClock, MaxSmClock, FbTotal, FbUsed, FbFree, ClocksEventReasons, EccSbeVolatileTotal, EccDbeVolatileTotal];
        CollectionAssert.AreEqual(expected, ordinals.Select(o => reading.Values[o]).ToArray());
    }

    [TestMethod]
    public void AQuotedNameWithACommaIsOneCell()
    {
        var row = "1, GPU-1, \"NVIDIA A100-SXM4-80GB, \"\"MIG-capable\"\"\", 5, 1, 61.2, 400.00, 30, 35, 210, 1593, 1410, 81920, 5, 81915, 0x1, 0, 0";

        var reading = Assert.ContainsSingle(Parse(row));

        Assert.AreEqual("NVIDIA A100-SXM4-80GB, \"MIG-capable\"", reading.Gpu.Model);
        Assert.AreEqual(61.2, reading.Values[PowerUsage]);
        Assert.AreEqual(1.0, reading.Values[ClocksEventReasons]);
    }

    [TestMethod]
    public void NoticesWhereNumbersBelongAreNullAndCountedAsNotANumber()
    {
        var row = "0, GPU-1, NVIDIA L40S, 0, 0, 35.5, [Requested functionality has been deprecated], 30, [N/A], 210, 405, 2520, 46068, 1, 45000, [Not Supported], N/A, ";

        var reading = Assert.ContainsSingle(Parse(row));

        Assert.IsNull(reading.Values[EnforcedPowerLimit]);
        Assert.IsNull(reading.Values[MemoryTemp]);
        Assert.IsNull(reading.Values[ClocksEventReasons]);
        Assert.IsNull(reading.Values[EccSbeVolatileTotal]);
        Assert.IsNull(reading.Values[EccDbeVolatileTotal]);
        Assert.AreEqual(35.5, reading.Values[PowerUsage]);
        Assert.AreEqual(1, _counters.Blanks[("power_limit", BlankReason.NotANumber)]);
        Assert.AreEqual(1, _counters.Blanks[("memory_temp", BlankReason.NotANumber)]);
        Assert.AreEqual(1, _counters.Blanks[("clocks_event_reasons", BlankReason.NotANumber)]);
        Assert.AreEqual(1, _counters.Blanks[("ecc_sbe_volatile", BlankReason.NotANumber)]);
        Assert.AreEqual(1, _counters.Blanks[("ecc_dbe_volatile", BlankReason.NotANumber)]);
        Assert.HasCount(5, _counters.Blanks);
    }

    [TestMethod]
    public void SentinelsAreNullAndCountedWithTheirReason()
    {
        var row = "0, GPU-1, NVIDIA H100 80GB HBM3, 4294967295, 9223372036854775794, 612.40, 700.00, 66, 71, 1980, 2619, 1980, 81559, 70000, 11081, 0x0, 0, 0";

        var reading = Assert.ContainsSingle(Parse(row));

        Assert.IsNull(reading.Values[GpuUtil]);
        Assert.IsNull(reading.Values[MemCopyUtil]);
        Assert.AreEqual(1, _counters.Blanks[("gpu_util", BlankReason.Unavailable)]);
        Assert.AreEqual(1, _counters.Blanks[("mem_copy_util", BlankReason.NotSupported)]);
    }

    [TestMethod]
    public void ARowThatCannotBeReadIsSkippedAndCountedWhileTheOthersAreRead()
    {
        var text = H100Row + "\nUnable to determine the device handle for GPU 0000:3B:00.0: Unknown Error\n" + H100Row.Replace("0, GPU-0a1b", "2, GPU-2a1b", StringComparison.Ordinal) + "\n";

        var readings = Parse(text);

        Assert.AreEqual("0 2", string.Join(' ', readings.Select(r => r.Gpu.Index)));
        Assert.AreEqual(1, _counters.Errors["parse"]);
    }

    [TestMethod]
    public void OutputWithoutAnyReadableRowFailsAsParse()
    {
        var error = Assert.ThrowsExactly<NvidiaSmiException>(() => Parse("No devices were found\n"));

        Assert.AreEqual("parse", error.Cause);
        Assert.Contains("No devices were found", error.Message);
        Assert.AreEqual(1, _counters.Errors["parse"]);
    }

    [TestMethod]
    public void EmptyOutputHasNoReadings()
    {
        Assert.IsEmpty(Parse("\n"));
        Assert.IsEmpty(_counters.Errors);
    }

    [TestMethod]
    public void OlderAliasesInAHeaderMapToTheSameFields()
    {
        const string Text = """
            index, gpu_uuid, gpu_name, clocks.sm [MHz], clocks.mem [MHz], clocks_throttle_reasons.active
            3, GPU-3, Tesla V100-SXM2-32GB, 1530 MHz, 877 MHz, 0x0000000000000004
            """;

        var reading = Assert.ContainsSingle(new QueryGpuParser("node-7", _counters).ParseWithHeader(Text));

        Assert.AreEqual(new("node-7", "GPU-3", 3, "Tesla V100-SXM2-32GB"), reading.Gpu);
        Assert.AreEqual(1530.0, reading.Values[SmClock]);
        Assert.AreEqual(877.0, reading.Values[MemClock]);
        Assert.AreEqual(4.0, reading.Values[ClocksEventReasons]);
    }

    private IReadOnlyList<GpuReading> Parse(string text) => new QueryGpuParser("node-7", _counters).Parse(text, QueryGpuFields.Query);
}
