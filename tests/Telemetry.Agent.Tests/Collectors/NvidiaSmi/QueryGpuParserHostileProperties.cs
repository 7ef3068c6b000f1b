using System.Globalization;
using System.Text;
using CsCheck;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Contract.Fields;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>
/// Valid nvidia-smi CSV (the real H100 capture with its header, generated rows without one) with random edits: each
/// output is read, every reading with an index, a UUID and finite or null values, every unreadable row counted as
/// <c>parse</c>; or, when no row can be read, rejected with <see cref="NvidiaSmiException"/> (cause <c>parse</c>),
/// also counted. Nothing else is thrown, nothing hangs.
/// </summary>
[TestClass]
public sealed class QueryGpuParserHostileProperties
{
    private static readonly Gen<string> Cell = Gen.Frequency(
        (4, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (3, Gen.Int[0, 100_000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("NaN", "Inf", "-Inf", "-0", "1e308", "1e999", "[N/A]", "[Not Supported]", "69.85 W", "81559 MiB", "97 %",
            "0x0000000000000004", "0xFFFFFFFFFFFFFFFF", "0x", "9223372036854775794", "4294967295", "\"a, \"\"b\"\"\"", "")));

    /// <summary>1 to 8 rows of the collector's columns, in the order it asks for them.</summary>
    private static readonly Gen<byte[]> Rows =
        Cell.Array[QueryGpuFields.Query.Count - 3].Array[1, 8].Select(rows => Encoding.UTF8.GetBytes(string.Concat(rows.Select(
            (cells, i) => $"{i}, GPU-{i:D8}-0000-1111-2222-333344445555, NVIDIA H100 80GB HBM3, {string.Join(", ", cells)}\n"))));

    [TestMethod]
    public void MutatedRowsAreReadFiniteOrCountedAsParseErrors()
    {
        Rows.SelectMany(rows => Mutation.Of(rows, maxEdits: 4)).Sample(
            output => HostileRun.Bounded(() => ParseOrReject(output, header: false), "parsing nvidia-smi output"),
            iter: HostileRun.Iterations(500), threads: 1, print: Describe);
    }

    [TestMethod]
    public void TheMutatedRealCaptureWithItsHeaderIsReadFiniteOrCountedAsParseErrors()
    {
        var capture = Encoding.UTF8.GetBytes(H100Capture.Section(H100Capture.LoadQueryGpu));

        Mutation.Of(capture, maxEdits: 6).Sample(
            output => HostileRun.Bounded(() => ParseOrReject(output, header: true), "parsing nvidia-smi output"),
            iter: HostileRun.Iterations(300), threads: 1, print: Describe);
    }

    private static void ParseOrReject(byte[] output, bool header)
    {
        var text = Encoding.UTF8.GetString(output);
        var counters = new CollectorCounters();
        var parser = new QueryGpuParser("node-7", counters);
        var rows = text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line.TrimEnd('\r'))) - (header ? 1 : 0);
        IReadOnlyList<GpuReading> readings;
        try
        {
            readings = header ? parser.ParseWithHeader(text) : parser.Parse(text, QueryGpuFields.Query);
        }
        catch (NvidiaSmiException e)
        {
            Assert.AreEqual("parse", e.Cause);
            Assert.IsGreaterThanOrEqualTo(1, counters.Errors["parse"], "a rejection is counted");
            Assert.IsLessThan(1000, e.Message.Length, "the message quotes only an excerpt of the output");
            return;
        }

        Assert.IsLessThanOrEqualTo(Math.Max(rows, 0), readings.Count);
        Assert.AreEqual(Math.Max(rows, 0) - readings.Count, counters.Errors.GetValueOrDefault("parse"), "every row not read is counted");
        foreach (var reading in readings)
        {
            Assert.IsGreaterThanOrEqualTo(0, reading.Gpu.Index);
            Assert.IsFalse(string.IsNullOrEmpty(reading.Gpu.Uuid));
            Assert.HasCount(FieldCatalog.Count, reading.Values);
            Assert.IsTrue(reading.Values.All(v => v is null || double.IsFinite(v.Value)), $"a reading of {reading.Gpu.Uuid} is not finite");
        }
    }

    private static string Describe(byte[] output) =>
        $"{output.Length} bytes: {Encoding.UTF8.GetString(output[..Math.Min(output.Length, 600)])}";
}
