using System.Globalization;
using System.Text;
using CsCheck;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Agent.Tests.Collectors.NvidiaSmi;
using Telemetry.Contract.Fields;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors;

/// <summary>
/// The collectors' parsers read the real pages and tables the same under German and Turkish as under the invariant
/// culture: a decimal comma never turns <c>35.686</c> into 35686, and a Turkish dotted capital I never hides a name.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CultureInvarianceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheDcgmExporterFixtureParsesToTheSameSamplesUnderEveryCulture()
    {
        var samples = await Cultures.SameAsync(ReadFixtureAsync, "the L40S page's samples");

        StringAssert.Contains(samples, "DCGM_FI_DEV_POWER_USAGE=35.686 (35.686000)");
        StringAssert.Contains(samples, "DCGM_FI_PROF_DRAM_ACTIVE=0.000131 (0.000131)");
    }

    [TestMethod]
    public async Task TheDcgmExporterFixtureServedOverHttpGivesTheSameReadingUnderEveryCulture()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        var reading = await Cultures.SameAsync(async () => Show(await collector.CollectAsync(TestContext.CancellationToken)), "the L40S reading");

        StringAssert.Contains(reading, "power_usage=35.686");
        StringAssert.Contains(reading, "dram_active=0.000131");
    }

    [TestMethod]
    [DataRow(H100Capture.IdleQueryGpu, "power_usage=69.85")]
    [DataRow(H100Capture.LoadQueryGpu, "gpu_util=100")]
    public void TheNvidiaSmiQueryGpuCaptureParsesTheSameUnderEveryCulture(string section, string expected)
    {
        var text = H100Capture.Section(section);

        var readings = Cultures.Same(() => Show(new QueryGpuParser("h100-node", new CollectorCounters()).ParseWithHeader(text)), section);

        StringAssert.Contains(readings, expected);
    }

    [TestMethod]
    [DataRow(H100Capture.IdleDmon)]
    [DataRow(H100Capture.LoadDmon)]
    public void TheNvidiaSmiDmonCaptureParsesTheSameUnderEveryCulture(string section)
    {
        var text = H100Capture.Section(section);

        var rows = Cultures.Same(() => string.Join('\n', DmonParser.Parse(text).Select(r => $"{r.Gpu}: {Show(r.Values)}")), section);

        Assert.AreEqual(5, rows.Split('\n').Length);
    }

    [TestMethod]
    public void AnyFiniteDoubleReadsBackExactlyUnderEveryCulture()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var prometheus = Cultures.Under(() => PrometheusValue.TryParse(Encoding.ASCII.GetBytes(text), out var v) ? v : double.NaN);
            var nvidiaSmi = Cultures.Under(() => NvidiaSmiValue.TryParse(text + " W", hexadecimal: false, out var v, out _) ? v : double.NaN);

            Assert.IsTrue(prometheus.All(v => v.Equals(value)), $"Prometheus value '{text}' read as {string.Join(", ", prometheus)}");
            Assert.IsTrue(nvidiaSmi.All(v => v.Equals(value) || DcgmBlanks.IsBlank(text, value, out _)), $"nvidia-smi value '{text} W' read as {string.Join(", ", nvidiaSmi)}");
        }, iter: HostileRun.Iterations(2_000));
    }

    [TestMethod]
    [DataRow("1.5")]
    [DataRow("1,5")]
    [DataRow("1.234,5")]
    [DataRow("-1e-3")]
    [DataRow("+Inf")]
    [DataRow("NaN")]
    [DataRow("nan")]
    [DataRow("INF")]
    [DataRow("İnf")]
    public void APrometheusValueIsReadOrRefusedAlikeUnderEveryCulture(string text)
    {
        var results = Cultures.Under(() => PrometheusValue.TryParse(Encoding.UTF8.GetBytes(text), out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "refused");

        CollectionAssert.AreEqual(Enumerable.Repeat(results[0], results.Length).ToArray(), results, text);
    }

    private async Task<string> ReadFixtureAsync()
    {
        await using var file = File.OpenRead(CollectorFixtures.PathOf(CollectorFixtures.DcgmExporterL40s));
        using var reader = new PrometheusTextReader(file, new PrometheusLimits());
        var lines = new StringBuilder();
        await foreach (var s in reader.ReadAllAsync(TestContext.CancellationToken))
        {
            var labels = string.Join(',', s.Labels.Select(l => $"{l.Name}={l.Value}"));
            lines.Append(CultureInfo.InvariantCulture, $"{s.Line}: {s.Name}={s.Value.ToString("R", CultureInfo.InvariantCulture)} ({s.ValueText}) {{{labels}}} @{s.TimestampUnixMs}\n");
        }

        foreach (var (name, type) in reader.Types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{name}: {type}\n");
        }

        return lines.ToString();
    }

    private static string Show(IEnumerable<GpuReading> readings) =>
        string.Join('\n', readings.Select(r => $"{r.Gpu} @{r.TimeUnixMs}: {Show(r.Values)}"));

    private static string Show(double?[] values) => string.Join(' ', values
        .Select((v, i) => v is { } value ? $"{FieldCatalog.All[i].Name}={value.ToString("R", CultureInfo.InvariantCulture)}" : null)
        .Where(v => v is not null));
}
