using System.Text;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>The named hostile seeds of the fuzz corpus as nvidia-smi output: rejected and counted, never thrown past the parser.</summary>
[TestClass]
public sealed class QueryGpuParserHostileSeedTests
{
    private const string Row = "0, GPU-0a1b2c3d-0000-1111-2222-333344445555, NVIDIA H100 80GB HBM3, 97, 41, 612.40, 700.00, 66, 71, 1980, 2619, 1980, 81559, 70000, 11081, 0x0000000000000004, 3, 0";

    private readonly CollectorCounters _counters = new();

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("\"")]
    [DataRow("\0")]
    public void OutputOfNoRowIsRejectedAsParseAndCounted(string output)
    {
        var error = Assert.ThrowsExactly<NvidiaSmiException>(() => Parse(output));

        Assert.AreEqual("parse", error.Cause);
        Assert.AreEqual(1, _counters.Errors["parse"]);
    }

    [TestMethod]
    public void ARowGivenTwiceIsReadOnceAndTheRepeatCounted()
    {
        var readings = Parse(Row + "\n" + Row + "\n");

        Assert.ContainsSingle(readings);
        Assert.AreEqual(1, _counters.Errors["parse"]);
    }

    [TestMethod]
    public void AOneMebibyteCellIsReadAsANoticeWithinTheBound()
    {
        var row = Row.Replace("612.40", new string('9', 1024 * 1024) + ".5 W", StringComparison.Ordinal);
        IReadOnlyList<GpuReading> readings = [];

        HostileRun.Bounded(() => readings = Parse(row), "a 1 MiB cell");

        var reading = Assert.ContainsSingle(readings);
        Assert.IsNull(reading.Values[Contract.Fields.FieldOrdinals.PowerUsage], "a number too large for a double is no reading");
        Assert.AreEqual(1, _counters.Blanks[("power_usage", BlankReason.NotANumber)]);
    }

    [TestMethod]
    public void AOneMebibyteModelNameIsKeptWithinTheBound()
    {
        var row = Row.Replace("NVIDIA H100 80GB HBM3", new string('n', 1024 * 1024), StringComparison.Ordinal);
        IReadOnlyList<GpuReading> readings = [];

        HostileRun.Bounded(() => readings = Parse(row), "a 1 MiB cell");

        Assert.AreEqual(1024 * 1024, Assert.ContainsSingle(readings).Gpu.Model.Length);
    }

    [TestMethod]
    public void InvalidUtf8InAUuidIsReadAsReplacementCharacters()
    {
        byte[] output = [.. "0, GPU-"u8, 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(Row[(Row.IndexOf(',', StringComparison.Ordinal) + 6)..])];

        var reading = Assert.ContainsSingle(Parse(Encoding.UTF8.GetString(output)));

        Assert.StartsWith("GPU-\uFFFD", reading.Gpu.Uuid);
    }

    private IReadOnlyList<GpuReading> Parse(string text) => new QueryGpuParser("node-7", _counters).Parse(text, QueryGpuFields.Query);
}
