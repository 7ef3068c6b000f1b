using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>What the text format allows, read as Prometheus reads it.</summary>
[TestClass]
public sealed class PrometheusTextReaderTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    public async Task LabelValuesUnescapeQuotesBackslashesAndLineFeeds()
    {
        const string page = """
            m{path="C:\\gpu\\0",quote="say \"hi\"",lines="one\ntwo",empty="",utf8="Grüße 温度"} 1

            """;

        var sample = (await PrometheusPage.ReadAsync(page, Cancellation)).Single();

        Assert.AreEqual(@"C:\gpu\0", sample.Label("path"));
        Assert.AreEqual("say \"hi\"", sample.Label("quote"));
        Assert.AreEqual("one\ntwo", sample.Label("lines"));
        Assert.AreEqual("", sample.Label("empty"));
        Assert.AreEqual("Grüße 温度", sample.Label("utf8"));
    }

    [TestMethod]
    public async Task NaNAndBothInfinitiesAreReadWithTheirTextKept()
    {
        const string page = "a NaN\nb +Inf\nc -Inf\nd Inf\n";

        var samples = await PrometheusPage.ReadAsync(page, Cancellation);

        Assert.IsTrue(double.IsNaN(samples[0].Value));
        Assert.AreEqual(double.PositiveInfinity, samples[1].Value);
        Assert.AreEqual(double.NegativeInfinity, samples[2].Value);
        Assert.AreEqual(double.PositiveInfinity, samples[3].Value);
        Assert.AreEqual("NaN,+Inf,-Inf,Inf", string.Join(",", samples.Select(s => s.ValueText)));
    }

    [TestMethod]
    public async Task TimestampsAreReadAsMillisecondsAndAreOptional()
    {
        const string page = "a 1 1712345678901\nb{x=\"y\"} 2 -5\nc 3\n";

        var samples = await PrometheusPage.ReadAsync(page, Cancellation);

        Assert.AreEqual(1712345678901, samples[0].TimestampUnixMs);
        Assert.AreEqual(-5, samples[1].TimestampUnixMs);
        Assert.IsNull(samples[2].TimestampUnixMs);
    }

    [TestMethod]
    public async Task CommentsBlankLinesAndBlanksAroundTokensAreSkipped()
    {
        const string page = "# a plain comment\n#\n\n   \n\t# HELP m  the help\n# TYPE m counter\n  m\t{ a = \"1\" , b=\"2\", }  7 \t\n";

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page));
        using var reader = new PrometheusTextReader(stream, new PrometheusLimits());
        var sample = await reader.ReadAsync(Cancellation);

        Assert.IsNotNull(sample);
        Assert.AreEqual("m", sample.Name);
        Assert.AreEqual(7, sample.Value);
        Assert.AreEqual(7, sample.Line);
        Assert.AreEqual(new PrometheusLabel("a", "1"), sample.Labels[0]);
        Assert.AreEqual(new PrometheusLabel("b", "2"), sample.Labels[1]);
        Assert.HasCount(2, sample.Labels);
        Assert.AreEqual("the help", reader.Help["m"]);
        Assert.AreEqual(PrometheusMetricType.Counter, reader.Types["m"]);
        Assert.IsNull(await reader.ReadAsync(Cancellation));
    }

    [TestMethod]
    public async Task ExponentsAndMetricNamesWithColonsAreRead()
    {
        const string page = """
            # TYPE vllm:generation_tokens_total counter
            vllm:generation_tokens_total{model_name="meta-llama/Llama-3.1-8B-Instruct"} 1.2345e+06
            small 1E-3
            negative -2.5e2
            integer_float 5551899580.0

            """;

        var samples = await PrometheusPage.ReadAsync(page, Cancellation);

        Assert.AreEqual("vllm:generation_tokens_total", samples[0].Name);
        Assert.AreEqual("meta-llama/Llama-3.1-8B-Instruct", samples[0].Label("model_name"));
        Assert.AreEqual(1234500d, samples[0].Value);
        Assert.AreEqual(0.001, samples[1].Value);
        Assert.AreEqual(-250d, samples[2].Value);
        Assert.AreEqual(5551899580d, samples[3].Value);
    }

    [TestMethod]
    public async Task HelpTextUnescapesBackslashesAndLineFeeds()
    {
        const string page = "# HELP m a \\\\ b\\nc\nm 1\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page));
        using var reader = new PrometheusTextReader(stream, new PrometheusLimits());

        await reader.ReadAsync(Cancellation);

        Assert.AreEqual("a \\ b\nc", reader.Help["m"]);
    }

    [TestMethod]
    public async Task ALastLineWithoutALineFeedIsRead()
    {
        var samples = await PrometheusPage.ReadAsync("a 1\nb{x=\"y\"} 2", Cancellation);

        Assert.HasCount(2, samples);
        Assert.AreEqual(2, samples[1].Value);
        Assert.AreEqual("y", samples[1].Label("x"));
    }

    [TestMethod]
    public async Task AnEmptyPageHasNoSamples()
    {
        var samples = await PrometheusPage.ReadAsync("", Cancellation);

        Assert.IsEmpty(samples);
    }

    [TestMethod]
    public async Task HistogramAndSummarySeriesAreReadAsPlainSamples()
    {
        const string page = """
            # TYPE vllm:e2e_request_latency_seconds histogram
            vllm:e2e_request_latency_seconds_bucket{le="0.3"} 4
            vllm:e2e_request_latency_seconds_bucket{le="+Inf"} 9
            vllm:e2e_request_latency_seconds_sum 12.5
            vllm:e2e_request_latency_seconds_count 9

            """;

        var samples = await PrometheusPage.ReadAsync(page, Cancellation);

        Assert.HasCount(4, samples);
        Assert.AreEqual("+Inf", samples[1].Label("le"));
        Assert.AreEqual(12.5, samples[2].Value);
    }
}
