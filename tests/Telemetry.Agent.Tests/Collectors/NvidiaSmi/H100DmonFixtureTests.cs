using Telemetry.Agent.Collectors.NvidiaSmi;
using static Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>The dmon parser against the real H100 capture's idle and load tables.</summary>
[TestClass]
public sealed class H100DmonFixtureTests
{
    [TestMethod]
    public void TheIdleTableGivesItsFiveRows()
    {
        var rows = DmonParser.Parse(H100Capture.Section(H100Capture.IdleDmon));

        Assert.HasCount(5, rows);
        CollectionAssert.AreEqual(new double?[] { 69, 69, 69, 69, 69 }, Column(rows, PowerUsage));
        CollectionAssert.AreEqual(new double?[] { 41, 41, 41, 41, 41 }, Column(rows, GpuTemp));
        CollectionAssert.AreEqual(new double?[] { 47, 47, 47, 48, 47 }, Column(rows, MemoryTemp));
        CollectionAssert.AreEqual(new double?[] { 0, 0, 0, 0, 0 }, Column(rows, GpuUtil));
        CollectionAssert.AreEqual(new double?[] { 0, 0, 0, 0, 0 }, Column(rows, MemCopyUtil));
        CollectionAssert.AreEqual(new double?[] { 2619, 2619, 2619, 2619, 2619 }, Column(rows, MemClock));
        CollectionAssert.AreEqual(new double?[] { 345, 345, 345, 345, 345 }, Column(rows, SmClock));
        Assert.IsTrue(rows.All(r => r.Gpu == 0));
    }

    [TestMethod]
    public void TheLoadTableGivesItsFiveRows()
    {
        var rows = DmonParser.Parse(H100Capture.Section(H100Capture.LoadDmon));

        Assert.HasCount(5, rows);
        CollectionAssert.AreEqual(new double?[] { 631, 634, 633, 634, 636 }, Column(rows, PowerUsage));
        CollectionAssert.AreEqual(new double?[] { 63, 63, 64, 64, 65 }, Column(rows, GpuTemp));
        CollectionAssert.AreEqual(new double?[] { 57, 58, 58, 59, 59 }, Column(rows, MemoryTemp));
        CollectionAssert.AreEqual(new double?[] { 100, 100, 100, 100, 100 }, Column(rows, GpuUtil));
        CollectionAssert.AreEqual(new double?[] { 10, 10, 9, 9, 9 }, Column(rows, MemCopyUtil));
        CollectionAssert.AreEqual(new double?[] { 2619, 2619, 2619, 2619, 2619 }, Column(rows, MemClock));
        CollectionAssert.AreEqual(new double?[] { 1980, 1980, 1980, 1980, 1980 }, Column(rows, SmClock));
    }

    [TestMethod]
    public void ColumnsWithoutACatalogFieldAreLeftOut()
    {
        var row = DmonParser.Parse(H100Capture.Section(H100Capture.LoadDmon))[0];

        Assert.AreEqual(7, row.Values.Count(v => v is not null), "pwr, gtemp, mtemp, sm, mem, mclk, pclk; not enc, dec, jpg, ofa");
    }

    [TestMethod]
    public void ADashIsNoValue()
    {
        const string Table = """
            # gpu    pwr  gtemp  mtemp     sm    mem    enc    dec    jpg    ofa   mclk   pclk
            # Idx      W      C      C      %      %      %      %      %      %    MHz    MHz
                0     72     35      -      3      1      0      0      -      -    405    210
            """;

        var row = Assert.ContainsSingle(DmonParser.Parse(Table));

        Assert.IsNull(row.Values[MemoryTemp]);
        Assert.AreEqual(72.0, row.Values[PowerUsage]);
        Assert.AreEqual(210.0, row.Values[SmClock]);
    }

    [TestMethod]
    public void ARowThatDoesNotMatchItsHeaderIsRejected()
    {
        const string Table = """
            # gpu    pwr  gtemp
            # Idx      W      C
                0     72
            """;

        var error = Assert.ThrowsExactly<FormatException>(() => DmonParser.Parse(Table));

        Assert.Contains("3 columns", error.Message);
    }

    private static double?[] Column(IReadOnlyList<DmonReading> rows, int ordinal) => [.. rows.Select(r => r.Values[ordinal])];
}
