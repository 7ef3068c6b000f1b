using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Tests.Collectors;
using Telemetry.Agent.Throughput;

namespace Telemetry.Agent.Tests.Throughput;

[TestClass]
public sealed class InferenceCounterScraperTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public async Task EachScrapeReportsTheCountersIncreaseSinceThePrevious()
    {
        await using var server = await LoopbackExporter.StartAsync(Page(1000, 500));
        var inbox = new ThroughputInbox();
        using var scraper = Scraper(server.Url, inbox);
        var first = await scraper.ScrapeAsync(CancellationToken.None);
        server.Serve(LoopbackExporter.Text(Page(1800, 900)));
        _clock.Advance(TimeSpan.FromSeconds(10));

        var second = await scraper.ScrapeAsync(CancellationToken.None);

        Assert.IsNull(first, "the first scrape only sets the baseline");
        Assert.IsNotNull(second);
        Assert.AreEqual(("chat-1", 1200L, "tokens"), (second.JobId, second.Count, second.Unit), "both models' series are summed");
        Assert.AreEqual(TimeSpan.FromSeconds(10), second.End - second.Start);
        Assert.IsTrue(inbox.TryDequeue(out var queued) && queued == second);
    }

    [TestMethod]
    public async Task ACounterThatWentDownMeansTheServerRestartedAndItsValueIsTheIncrease()
    {
        await using var server = await LoopbackExporter.StartAsync(Page(50_000, 0));
        using var scraper = Scraper(server.Url, new ThroughputInbox());
        await scraper.ScrapeAsync(CancellationToken.None);
        server.Serve(LoopbackExporter.Text(Page(300, 0)));
        _clock.Advance(TimeSpan.FromSeconds(10));

        var report = await scraper.ScrapeAsync(CancellationToken.None);

        Assert.AreEqual(300L, report!.Count);
    }

    [TestMethod]
    public async Task APageWithoutTheCounterOrAFailedScrapeIsCountedAndReportsNothing()
    {
        await using var server = await LoopbackExporter.StartAsync("# nothing here\nother_metric 1\n");
        using var scraper = Scraper(server.Url, new ThroughputInbox());

        var absent = await scraper.ScrapeAsync(CancellationToken.None);
        server.Serve(LoopbackExporter.Text("vllm:generation_tokens_total{model_name=\"m\"\n"));
        var broken = await scraper.ScrapeAsync(CancellationToken.None);

        Assert.IsNull(absent);
        Assert.IsNull(broken);
        Assert.AreEqual(1, scraper.Failures["metric-absent"]);
        Assert.AreEqual(1, scraper.Failures["parse"]);
    }

    [TestMethod]
    public void OptionsWithoutAJobAreRefusedNamingTheSetting()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new InferenceCounterOptions { JobId = " " }.Validate());

        Assert.Contains("InferenceCounter:JobId", e.Message);
    }

    private InferenceCounterScraper Scraper(Uri url, ThroughputInbox inbox) =>
        new(new InferenceCounterOptions { Url = url, JobId = "chat-1" }, inbox, _clock);

    private static string Page(double modelA, double modelB) => $$"""
        # HELP vllm:generation_tokens_total Number of generation tokens processed.
        # TYPE vllm:generation_tokens_total counter
        vllm:generation_tokens_total{model_name="llama-70b"} {{modelA}}
        vllm:generation_tokens_total{model_name="llama-8b"} {{modelB}}

        """;
}
