using System.Text;
using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>Malformed and oversized pages are rejected with the line or the limit named, having read no more than needed.</summary>
[TestClass]
public sealed class PrometheusRejectionTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    [DataRow("m{a=\"1\"}", "m has no value")]
    [DataRow("m abc", "'abc' is not a number")]
    [DataRow("m 1 1.5", "'1.5' is not a timestamp")]
    [DataRow("m 1 2 3", "unexpected text after the timestamp")]
    [DataRow("m{a=1} 1", "the value of label a is not quoted")]
    [DataRow("m{a=\"1\" b=\"2\"} 1", "expected ',' or '}' after a label")]
    [DataRow("m{a=\"1\",a=\"2\"} 1", "label a is given twice")]
    [DataRow("m{a=\"x\\t\"} 1", "invalid escape")]
    [DataRow("m{a=\"1\"", "the label set is not closed")]
    [DataRow("m{a=\"1", "the value of label a is not closed")]
    [DataRow("m{1a=\"1\"} 1", "expected a label name")]
    [DataRow("1m 1", "expected a metric name")]
    [DataRow("# TYPE m gaugee", "TYPE of m is not one of")]
    [DataRow("# HELP m bad \\t escape", "invalid escape")]
    public async Task AMalformedLineIsRejectedWithItsNumberAndProblem(string line, string problem)
    {
        var error = await PrometheusPage.RejectAsync($"good 1\n{line}\nlater 2\n", Cancellation);

        Assert.AreEqual(PrometheusTextError.Syntax, error.Error);
        Assert.AreEqual(2, error.Line);
        Assert.StartsWith("line 2: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [TestMethod]
    public async Task AnErrorMessageQuotesOnlyTheStartOfALongBadToken()
    {
        var error = await PrometheusPage.RejectAsync($"m {new string('x', 10_000)}\n", Cancellation);

        Assert.Contains($"'{new string('x', 64)}...' is not a number", error.Message);
        Assert.IsLessThan(120, error.Message.Length);
    }

    [TestMethod]
    public async Task ALastLineCutInsideALabelSetIsRejectedAsTruncated()
    {
        var page = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);
        var cut = Array.LastIndexOf(page, (byte)',');

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(
            () => PrometheusPage.ReadAsync(page[..cut], Cancellation));

        Assert.AreEqual(PrometheusTextError.Truncated, error.Error);
        Assert.AreEqual(70, error.Line);
        Assert.Contains("cut short", error.Message);
    }

    [TestMethod]
    public async Task ALastLineCutBeforeItsValueIsRejectedAsTruncated()
    {
        var error = await PrometheusPage.RejectAsync("a 1\nb{x=\"y\"}", Cancellation);

        Assert.AreEqual(PrometheusTextError.Truncated, error.Error);
        Assert.AreEqual(2, error.Line);
    }

    [TestMethod]
    public async Task ASeriesGivenTwiceIsRejectedEvenWithItsLabelsReordered()
    {
        var error = await PrometheusPage.RejectAsync("m{a=\"1\",b=\"2\"} 1\nm{a=\"2\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 3\n", Cancellation);

        Assert.AreEqual(PrometheusTextError.Duplicate, error.Error);
        Assert.AreEqual(3, error.Line);
        Assert.Contains("appears earlier", error.Message);
    }

    [TestMethod]
    public async Task LabelValuesThatOnlyLookAlikeAfterJoiningAreDistinctSeries()
    {
        var samples = await PrometheusPage.ReadAsync("m{a=\"1{b=1:x\"} 1\nm{a=\"1\",b=\"x\"} 2\n", Cancellation);

        Assert.HasCount(2, samples);
    }

    [TestMethod]
    public async Task ASecondTypeLineForAFamilyIsRejected()
    {
        var error = await PrometheusPage.RejectAsync("# TYPE m gauge\nm 1\n# TYPE m counter\n", Cancellation);

        Assert.AreEqual(PrometheusTextError.Duplicate, error.Error);
        Assert.AreEqual(3, error.Line);
        Assert.Contains("second TYPE line for m", error.Message);
    }

    [TestMethod]
    public async Task InvalidUtf8IsRejectedWithItsLineNumber()
    {
        byte[] page = [.. "a 1\n# HELP b ok\nb{x=\""u8, 0xC3, 0x28, .. "\"} 1\n"u8];

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(() => PrometheusPage.ReadAsync(page, Cancellation));

        Assert.AreEqual(PrometheusTextError.InvalidUtf8, error.Error);
        Assert.AreEqual(3, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }

    [TestMethod]
    public async Task ALineLongerThanMaxLineBytesIsRejectedAndOneAtTheLimitIsRead()
    {
        var limits = new PrometheusLimits { MaxLineBytes = 100 };
        var atLimit = "m{a=\"" + new string('x', 100 - 9) + "\"} 1";

        var read = await PrometheusPage.ReadAsync($"{atLimit}\n", Cancellation, limits);
        var error = await PrometheusPage.RejectAsync($"a 1\n# {new string('y', 99)}\n", Cancellation, limits);

        Assert.AreEqual(100, atLimit.Length);
        Assert.HasCount(1, read);
        Assert.AreEqual(PrometheusTextError.LineTooLong, error.Error);
        Assert.AreEqual(2, error.Line);
        Assert.Contains("longer than 100 bytes (MaxLineBytes)", error.Message);
    }

    [TestMethod]
    public async Task AnEndlessLineIsRejectedAfterReadingLittleMoreThanMaxLineBytes()
    {
        using var stream = new GeneratedPageStream(n => n == 0 ? "m{a=\"" : "xxxxxxxxxx");
        var limits = new PrometheusLimits { MaxLineBytes = 4096 };

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(() => PrometheusPage.ReadAsync(stream, Cancellation, limits));

        Assert.AreEqual(PrometheusTextError.LineTooLong, error.Error);
        Assert.IsLessThanOrEqualTo(4097, stream.BytesRead);
    }

    [TestMethod]
    public async Task AnEndlessPageIsRejectedAfterReadingAtMostOneByteMoreThanMaxPageBytes()
    {
        using var stream = new GeneratedPageStream(n => $"series_total{{n=\"{n}\"}} {n}\n");
        var limits = new PrometheusLimits { MaxPageBytes = 100_000 };

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(() => PrometheusPage.ReadAsync(stream, Cancellation, limits));

        Assert.AreEqual(PrometheusTextError.PageTooLarge, error.Error);
        Assert.IsNull(error.Line);
        Assert.Contains("larger than 100000 bytes (MaxPageBytes)", error.Message);
        Assert.AreEqual(100_001, stream.BytesRead);
    }

    [TestMethod]
    public async Task APageOfExactlyMaxPageBytesIsRead()
    {
        var page = Encoding.UTF8.GetBytes("a 1\nb 2\n");

        var samples = await PrometheusPage.ReadAsync(page, Cancellation, new PrometheusLimits { MaxPageBytes = page.Length });

        Assert.HasCount(2, samples);
    }

    [TestMethod]
    public async Task AMillionSeriesAreRejectedAtMaxSeriesWithoutReadingTheRest()
    {
        const int lines = 1_000_000;
        using var stream = new GeneratedPageStream(n => $"DCGM_FI_DEV_GPU_TEMP{{gpu=\"{n}\",UUID=\"GPU-{n:D12}\"}} 30\n", lines);
        var limits = new PrometheusLimits { MaxSeries = 1000 };

        var error = await Assert.ThrowsExactlyAsync<PrometheusTextException>(() => PrometheusPage.ReadAsync(stream, Cancellation, limits));

        Assert.AreEqual(PrometheusTextError.TooManySeries, error.Error);
        Assert.AreEqual(1001, error.Line);
        Assert.Contains("more than 1000 series (MaxSeries)", error.Message);
        Assert.IsLessThan(1001 * 70 + limits.MaxLineBytes + 1, stream.BytesRead, "read past the limit only to the end of one buffer");
    }

    [TestMethod]
    public async Task MoreLabelsThanMaxLabelsPerSeriesAreRejected()
    {
        var labels = string.Join(",", Enumerable.Range(0, 5).Select(i => $"l{i}=\"v\""));

        var error = await PrometheusPage.RejectAsync($"m{{{labels}}} 1\n", Cancellation, new PrometheusLimits { MaxLabelsPerSeries = 4 });

        Assert.AreEqual(PrometheusTextError.TooManyLabels, error.Error);
        Assert.Contains("more than 4 labels (MaxLabelsPerSeries)", error.Message);
    }

    [TestMethod]
    public async Task ALabelValueLongerThanMaxLabelValueBytesIsRejectedAndOneAtTheLimitIsRead()
    {
        var limits = new PrometheusLimits { MaxLabelValueBytes = 10 };

        var read = await PrometheusPage.ReadAsync("m{pod=\"0123456789\",quoted=\"\\\"23456789\"} 1\n", Cancellation, limits);
        var error = await PrometheusPage.RejectAsync("m{pod=\"0123456789A\"} 1\n", Cancellation, limits);

        Assert.AreEqual("0123456789", read.Single().Label("pod"));
        Assert.AreEqual(PrometheusTextError.LabelValueTooLong, error.Error);
        Assert.Contains("label pod is longer than 10 bytes (MaxLabelValueBytes)", error.Message);
    }
}
