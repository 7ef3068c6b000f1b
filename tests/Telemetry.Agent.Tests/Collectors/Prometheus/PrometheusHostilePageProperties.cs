using System.Globalization;
using System.Text;
using CsCheck;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>
/// Valid pages (the real L40S page, generated pages of several GPUs) with random edits, read within random bounds:
/// each is either read whole, every sample well formed and within the bounds, or rejected with
/// <see cref="PrometheusTextException"/> naming its line or limit. Nothing else is thrown, nothing hangs.
/// </summary>
[TestClass]
public sealed class PrometheusHostilePageProperties
{
    private static readonly string[] Families =
        ["DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "DCGM_FI_DEV_XID_ERRORS", "other_metric"];

    private static readonly Gen<string> ValueText = Gen.Frequency(
        (4, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Int[0, 2000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.OneOf("NaN", "+Inf", "-Inf", "-0", "1e308", "1e999", "-1e-400", "9223372036854775794", "140737488355329", "4294967295", "2147483632")));

    /// <summary>A valid page of 1 to 4 GPUs (one a MIG instance) and some families, with HELP and TYPE lines.</summary>
    private static readonly Gen<byte[]> GeneratedPage =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, Families.Length], ValueText.Array[24], Gen.Bool)
            .Select((gpus, families, values, timestamps) => Encoding.UTF8.GetBytes(Page(gpus, families, values, timestamps)));

    private static readonly Gen<PrometheusLimits> Limits = Gen.Frequency(
        (3, Gen.Const(new PrometheusLimits())),
        (2, Gen.Select(Gen.Int[64, 20_000], Gen.Int[16, 4096], Gen.Int[1, 200], Gen.Int[1, 10], Gen.Int[1, 100])
            .Select((page, line, series, labels, value) => new PrometheusLimits
            {
                MaxPageBytes = page,
                MaxLineBytes = line,
                MaxSeries = series,
                MaxLabelsPerSeries = labels,
                MaxLabelValueBytes = value,
            })));

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task AMutatedRealPageIsReadWithinItsBoundsOrRejectedWithItsLineOrLimit()
    {
        var fixture = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);

        await Gen.Select(Mutation.Of(fixture, maxEdits: 6), Limits).SampleAsync(
            (page, limits) => HostileRun.BoundedAsync(() => ReadOrRejectAsync(page, limits), "reading a page"),
            iter: HostileRun.Iterations(400), threads: 1, print: Describe);
    }

    [TestMethod]
    public async Task AMutatedGeneratedPageIsReadWithinItsBoundsOrRejectedWithItsLineOrLimit()
    {
        var pages = GeneratedPage.SelectMany(page => Mutation.Of(page, maxEdits: 4));

        await Gen.Select(pages, Limits).SampleAsync(
            (page, limits) => HostileRun.BoundedAsync(() => ReadOrRejectAsync(page, limits), "reading a page"),
            iter: HostileRun.Iterations(400), threads: 1, print: Describe);
    }

    [TestMethod]
    public async Task AnUneditedGeneratedPageIsAlwaysRead()
    {
        await GeneratedPage.SampleAsync(async page =>
        {
            var samples = await PrometheusPage.ReadAsync(page, TestContext.CancellationToken);

            Assert.IsNotEmpty(samples);
        }, iter: HostileRun.Iterations(100), threads: 1);
    }

    /// <summary>Reads the page; a rejection must be the documented exception with a line on the page or a limit.</summary>
    private async Task ReadOrRejectAsync(byte[] page, PrometheusLimits limits)
    {
        using var stream = new MemoryStream(page);
        using var reader = new PrometheusTextReader(stream, limits);
        var samples = new List<PrometheusSample>();
        try
        {
            await foreach (var sample in reader.ReadAllAsync(TestContext.CancellationToken))
            {
                samples.Add(sample);
            }
        }
        catch (PrometheusTextException e)
        {
            var lines = page.Count(b => b == (byte)'\n') + 1;
            Assert.IsTrue(e.Line is null || (e.Line >= 1 && e.Line <= lines), $"line {e.Line} of a page of {lines} lines");
            Assert.AreEqual(e.Line is null, e.Error == PrometheusTextError.PageTooLarge, e.Message);
            Assert.IsLessThan(1000, e.Message.Length, "the message quotes only excerpts of the page");
            Assert.IsLessThanOrEqualTo(limits.MaxPageBytes + 1, reader.PageBytes);
            return;
        }

        AssertWellFormed(samples, limits);
        Assert.IsLessThanOrEqualTo(limits.MaxPageBytes, reader.PageBytes);
        AssertReadingsFiniteOrNull(samples);
    }

    private static void AssertWellFormed(List<PrometheusSample> samples, PrometheusLimits limits)
    {
        Assert.IsLessThanOrEqualTo(limits.MaxSeries, samples.Count);
        var series = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            Assert.IsTrue(IsMetricName(sample.Name), $"'{sample.Name}' is not a metric name");
            Assert.IsLessThanOrEqualTo(limits.MaxLabelsPerSeries, sample.Labels.Count);
            Assert.IsGreaterThanOrEqualTo(1, sample.Line);
            Assert.IsFalse(string.IsNullOrEmpty(sample.ValueText));
            foreach (var label in sample.Labels)
            {
                Assert.IsTrue(IsMetricName(label.Name) && !label.Name.Contains(':', StringComparison.Ordinal), $"'{label.Name}' is not a label name");
                Assert.IsLessThanOrEqualTo(limits.MaxLabelValueBytes, Encoding.UTF8.GetByteCount(label.Value));
            }

            Assert.HasCount(sample.Labels.Count, sample.Labels.Select(l => l.Name).Distinct(StringComparer.Ordinal));
            var key = sample.Name + string.Concat(sample.Labels.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{{{l.Name}={l.Value.Length}:{l.Value}"));
            Assert.IsTrue(series.Add(key), $"series {sample.Name} read twice");
        }
    }

    /// <summary>What the dcgm-exporter collector makes of the samples: every reading finite or null.</summary>
    private static void AssertReadingsFiniteOrNull(List<PrometheusSample> samples)
    {
        var builder = new DcgmPageBuilder("node-fallback", maxGpus: 16);
        try
        {
            foreach (var sample in samples)
            {
                builder.Add(sample);
            }
        }
        catch (PrometheusTextException e)
        {
            Assert.AreEqual(PrometheusTextError.TooManySeries, e.Error, e.Message);
            return;
        }

        var page = builder.Build();
        Assert.IsLessThanOrEqualTo(16, page.Readings.Count);
        foreach (var reading in page.Readings)
        {
            Assert.IsTrue(reading.Values.All(v => v is null || double.IsFinite(v.Value)), $"a reading of {reading.Gpu.Uuid} is not finite");
        }
    }

    private static bool IsMetricName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');

    private static string Page(int gpus, int families, string[] values, bool timestamps)
    {
        var page = new StringBuilder("# a generated page\n");
        for (var f = 0; f < families; f++)
        {
            page.Append(CultureInfo.InvariantCulture, $"# HELP {Families[f]} Field {f}, with a \\\\ and a \\n.\n# TYPE {Families[f]} gauge\n");
            for (var g = 0; g < gpus; g++)
            {
                var mig = g == 3 ? ",GPU_I_ID=\"2\",GPU_I_PROFILE=\"1g.10gb\"" : "";
                var stamp = timestamps ? " 1760000000123" : "";
                page.Append(CultureInfo.InvariantCulture,
                    $"{Families[f]}{{gpu=\"{g}\",UUID=\"GPU-{g:D8}\",modelName=\"NVIDIA \\\"H100\\\"\",Hostname=\"node-{g % 2}\"{mig},pod=\"p\"}} {values[(f * 4 + g) % values.Length]}{stamp}\n");
            }
        }

        return page.ToString();
    }

    private static string Describe((byte[] Page, PrometheusLimits Limits) input) =>
        $"{input.Limits} page of {input.Page.Length} bytes: {Encoding.UTF8.GetString(input.Page[..Math.Min(input.Page.Length, 400)])}";
}
