using System.Text;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>The named hostile seeds of the fuzz corpus, each read or rejected as the text format says.</summary>
[TestClass]
public sealed class PrometheusHostileSeedTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    public async Task ALoneHashIsACommentAndThePageHasNoSamples()
    {
        var samples = await PrometheusPage.ReadAsync("#", Cancellation);

        Assert.IsEmpty(samples);
    }

    [TestMethod]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("{}\n")]
    [DataRow("{A}0\n")]
    public async Task ALabelSetWithoutAMetricNameIsASyntaxErrorOnLineOne(string page)
    {
        var error = await PrometheusPage.RejectAsync(page, Cancellation);

        Assert.AreEqual(page.EndsWith('\n') ? PrometheusTextError.Syntax : PrometheusTextError.Truncated, error.Error);
        Assert.AreEqual(1, error.Line);
        Assert.Contains("expected a metric name", error.Message);
    }

    [TestMethod]
    public async Task ADuplicateSeriesIsRejectedOnItsSecondLine()
    {
        var error = await PrometheusPage.RejectAsync("m{a=\"1\"} 1\nm{a=\"1\"} 1\n", Cancellation);

        Assert.AreEqual(PrometheusTextError.Duplicate, error.Error);
        Assert.AreEqual(2, error.Line);
    }

    [TestMethod]
    public async Task AOneMebibyteLabelIsRejectedAsALineTooLongWithinTheBound()
    {
        var page = $"m{{a=\"{new string('x', 1024 * 1024)}\"}} 1\n";
        PrometheusTextException? error = null;

        await HostileRun.BoundedAsync(async () => error = await PrometheusPage.RejectAsync(page, Cancellation), "a 1 MiB label");

        Assert.AreEqual(PrometheusTextError.LineTooLong, error!.Error);
        Assert.IsTrue(error.ExceedsLimit);
    }

    [TestMethod]
    public async Task AOneMebibyteLabelOnALongEnoughLineIsRejectedAsALabelValueTooLong()
    {
        var page = $"m{{a=\"{new string('x', 1024 * 1024)}\"}} 1\n";
        var limits = new PrometheusLimits { MaxLineBytes = 2 * 1024 * 1024 };
        PrometheusTextException? error = null;

        await HostileRun.BoundedAsync(async () => error = await PrometheusPage.RejectAsync(page, Cancellation, limits), "a 1 MiB label");

        Assert.AreEqual(PrometheusTextError.LabelValueTooLong, error!.Error);
        Assert.Contains("MaxLabelValueBytes", error.Message);
    }

    [TestMethod]
    [DataRow(new byte[] { 0xFF })]
    [DataRow(new byte[] { 0xC3, 0x28 })]
    [DataRow(new byte[] { 0xED, 0xA0, 0x80 })]
    [DataRow(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    public async Task InvalidUtf8InALabelValueIsRejected(byte[] invalid)
    {
        byte[] page = [.. "m{a=\""u8, .. invalid, .. "\"} 1\n"u8];

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(() => PrometheusPage.ReadAsync(page, Cancellation));

        Assert.AreEqual(PrometheusTextError.InvalidUtf8, error.Error);
        Assert.AreEqual(1, error.Line);
    }

    [TestMethod]
    public async Task AOneMebibytePageOfValidSeriesIsReadWithinTheBound()
    {
        var page = new StringBuilder();
        for (var i = 0; page.Length < 1024 * 1024; i++)
        {
            page.Append("DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",UUID=\"GPU-").Append(i).Append("\"} 30\n");
        }

        List<PrometheusSample> samples = [];
        await HostileRun.BoundedAsync(async () => samples = await PrometheusPage.ReadAsync(page.ToString(), Cancellation), "a 1 MiB page");

        Assert.IsGreaterThan(10_000, samples.Count);
    }
}
