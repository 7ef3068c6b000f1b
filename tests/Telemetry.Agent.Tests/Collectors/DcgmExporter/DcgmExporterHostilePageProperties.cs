using CsCheck;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Hostile;

namespace Telemetry.Agent.Tests.Collectors.DcgmExporter;

/// <summary>
/// Mutated real pages served over real HTTP: every collection either yields finite-or-null readings and counts as a
/// collection, or fails with <see cref="ScrapeException"/> and is counted once under its cause (<c>parse</c> or
/// <c>too-large</c>). The counts add up.
/// </summary>
[TestClass]
public sealed class DcgmExporterHostilePageProperties
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task EveryCollectionOfAMutatedPageIsCountedAsACollectionOrUnderOneCause()
    {
        var fixture = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(fixture));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });
        var attempts = 0;

        await Mutation.Of(fixture, maxEdits: 4).SampleAsync(async page =>
        {
            server.Serve(LoopbackExporter.Bytes(page));
            attempts++;
            try
            {
                var readings = await collector.CollectAsync(TestContext.CancellationToken);
                Assert.IsTrue(readings.All(r => r.Values.All(v => v is null || double.IsFinite(v.Value))), "every reading finite or null");
            }
            catch (ScrapeException e)
            {
                Assert.Contains(e.Cause, new[] { "parse", "too-large" }, e.Message);
                Assert.IsInstanceOfType<PrometheusTextException>(e.InnerException);
            }

            var failed = collector.Counters.Errors.Where(e => e.Key is "parse" or "too-large").Sum(e => e.Value);
            Assert.AreEqual(attempts, collector.Counters.Collections + failed);
        }, iter: HostileRun.Iterations(60), threads: 1);
    }
}
