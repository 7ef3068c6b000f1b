using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Collectors.DcgmExporter;

/// <summary>The collector against the real L40S page served by a real HTTP server, and against servers that are not there.</summary>
[TestClass]
public sealed class DcgmExporterCollectorTests
{
    private static readonly GpuIdentity L40s = new("gpu1-wl8sg", "GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43", 0, "NVIDIA L40S");

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    public async Task TheFixtureServedOverHttpGivesOneReadingOfTheL40sWithItsValues()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url, Node = "configured-node" });

        var reading = (await collector.CollectAsync(Cancellation)).Single();

        Assert.AreEqual(L40s, reading.Gpu);
        Assert.IsNull(reading.TimeUnixMs);
        Assert.AreEqual(210d, reading.Values[FieldOrdinals.SmClock]);
        Assert.AreEqual(405d, reading.Values[FieldOrdinals.MemClock]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.MemoryTemp]);
        Assert.AreEqual(32d, reading.Values[FieldOrdinals.GpuTemp]);
        Assert.AreEqual(35.686, reading.Values[FieldOrdinals.PowerUsage]);
        Assert.AreEqual(5551899580d, reading.Values[FieldOrdinals.TotalEnergyConsumption]);
        Assert.AreEqual(45459d, reading.Values[FieldOrdinals.FbFree]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.FbUsed]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.GpuUtil]);
        Assert.AreEqual(0.000131, reading.Values[FieldOrdinals.DramActive]);
        Assert.AreEqual(175084d, reading.Values[FieldOrdinals.PcieTxBytes]);
        Assert.AreEqual(19831d, reading.Values[FieldOrdinals.PcieRxBytes]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.UncorrectableRemappedRows]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.CorrectableRemappedRows]);
        Assert.AreEqual(0d, reading.Values[FieldOrdinals.RowRemapFailure]);
    }

    [TestMethod]
    public async Task FieldsTheFixtureDoesNotReportStayNull()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        var reading = (await collector.CollectAsync(Cancellation)).Single();

        var reported = reading.Values.Count(v => v is not null);
        Assert.AreEqual(19, reported, "19 of the fixture's 23 families are catalog fields");
        Assert.IsNull(reading.Values[FieldOrdinals.FbTotal]);
        Assert.IsNull(reading.Values[FieldOrdinals.SmActive]);
        Assert.IsNull(reading.Values[FieldOrdinals.XidErrors]);
    }

    [TestMethod]
    public async Task TheFixtureFamiliesOutsideTheCatalogAreIgnoredAndListed()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        await collector.CollectAsync(Cancellation);

        string[] ignored =
        [
            "DCGM_FI_DEV_DEC_UTIL", "DCGM_FI_DEV_ENC_UTIL", "DCGM_FI_DEV_FB_RESERVED", "DCGM_FI_DEV_VGPU_LICENSE_STATUS",
        ];
        Assert.AreEqual(string.Join(",", ignored), string.Join(",", collector.LastIgnoredFamilies.Keys.Order(StringComparer.Ordinal)));
        Assert.IsTrue(collector.LastIgnoredFamilies.Values.All(n => n == 1));
        Assert.IsEmpty(collector.Counters.Errors);
    }

    [TestMethod]
    public async Task ASuccessfulCollectionIsCountedWithNothingBlankAndNoWorkloads()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        await collector.CollectAsync(Cancellation);
        await collector.CollectAsync(Cancellation);

        Assert.AreEqual("dcgm-exporter", collector.Name);
        Assert.AreEqual(2, collector.Counters.Collections);
        Assert.AreEqual(2, collector.Counters.Readings);
        Assert.IsEmpty(collector.Counters.Blanks);
        Assert.IsEmpty(collector.LastWorkloads);
    }

    [TestMethod]
    public async Task StartAsyncReadsThePageWithoutCountingACollection()
    {
        await using var server = await LoopbackExporter.StartAsync(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        await collector.StartAsync(Cancellation);

        Assert.AreEqual(0, collector.Counters.Collections);
        Assert.IsEmpty(collector.Counters.Errors);
    }

    [TestMethod]
    public async Task StartAsyncNamesTheUrlAndSaysTheConnectionWasRefused()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/metrics");
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = url });

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(Cancellation).AsTask());

        Assert.Contains(url.ToString(), error.Message);
        Assert.Contains("connection refused", error.Message);
        Assert.Contains("dcgm-exporter is running", error.Message);
        Assert.Contains("--dcgm-url", error.Message);
    }

    [TestMethod]
    public async Task ACollectionAgainstARefusedConnectionIsCountedAsHttp()
    {
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = new Uri($"http://127.0.0.1:{FreePort()}/metrics") });

        var error = await Assert.ThrowsExactlyAsync<ScrapeException>(() => collector.CollectAsync(Cancellation).AsTask());

        Assert.AreEqual("http", error.Cause);
        Assert.AreEqual(1, collector.Counters.Errors["http"]);
        Assert.AreEqual(0, collector.Counters.Collections);
    }

    [TestMethod]
    public async Task StartAsyncNamesTheHttpStatusOfAnExporterThatIsNotReady()
    {
        await using var server = await LoopbackExporter.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(Cancellation).AsTask());
        var scrape = await Assert.ThrowsExactlyAsync<ScrapeException>(() => collector.CollectAsync(Cancellation).AsTask());

        Assert.Contains(server.Url.ToString(), error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.AreEqual("http-503", scrape.Cause);
        Assert.AreEqual(1, collector.Counters.Errors["http-503"]);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
