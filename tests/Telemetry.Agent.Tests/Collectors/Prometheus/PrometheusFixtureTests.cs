using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>The parser against a real dcgm-exporter page, read from the file as it is.</summary>
[TestClass]
public sealed class PrometheusFixtureTests
{
    private const string Uuid = "GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task TheFixtureHasTwentyThreeSeriesInPageOrder()
    {
        var (samples, reader) = await ReadFixtureAsync();

        Assert.HasCount(23, samples);
        Assert.AreEqual(23, reader.SeriesCount);
        Assert.AreEqual("DCGM_FI_DEV_SM_CLOCK", samples[0].Name);
        Assert.AreEqual(4, samples[0].Line, "the source line, then HELP and TYPE, come first");
        Assert.AreEqual("DCGM_FI_PROF_PCIE_RX_BYTES", samples[^1].Name);
        Assert.AreEqual(70, samples[^1].Line);
    }

    [TestMethod]
    [DataRow("DCGM_FI_DEV_SM_CLOCK", 210d, "210")]
    [DataRow("DCGM_FI_DEV_MEM_CLOCK", 405d, "405")]
    [DataRow("DCGM_FI_DEV_MEMORY_TEMP", 0d, "0")]
    [DataRow("DCGM_FI_DEV_GPU_TEMP", 32d, "32")]
    [DataRow("DCGM_FI_DEV_POWER_USAGE", 35.686, "35.686000")]
    [DataRow("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 5551899580d, "5551899580")]
    [DataRow("DCGM_FI_DEV_FB_FREE", 45459d, "45459")]
    [DataRow("DCGM_FI_DEV_FB_RESERVED", 608d, "608")]
    [DataRow("DCGM_FI_PROF_DRAM_ACTIVE", 0.000131, "0.000131")]
    [DataRow("DCGM_FI_PROF_PCIE_TX_BYTES", 175084d, "175084")]
    public async Task AFixtureValueIsReadExactlyWithItsText(string name, double value, string text)
    {
        var (samples, _) = await ReadFixtureAsync();

        var sample = samples.Single(s => s.Name == name);

        Assert.AreEqual(value, sample.Value);
        Assert.AreEqual(text, sample.ValueText);
        Assert.IsNull(sample.TimestampUnixMs);
    }

    [TestMethod]
    public async Task EveryFixtureSeriesCarriesTheExporterLabels()
    {
        var (samples, _) = await ReadFixtureAsync();

        foreach (var sample in samples)
        {
            Assert.HasCount(7, sample.Labels, sample.Name);
            Assert.AreEqual("0", sample.Label("gpu"));
            Assert.AreEqual(Uuid, sample.Label("UUID"));
            Assert.AreEqual("00000000:00:07.0", sample.Label("pci_bus_id"));
            Assert.AreEqual("nvidia0", sample.Label("device"));
            Assert.AreEqual("NVIDIA L40S", sample.Label("modelName"));
            Assert.AreEqual("gpu1-wl8sg", sample.Label("Hostname"));
            Assert.AreEqual("595.58.03", sample.Label("DCGM_FI_DRIVER_VERSION"));
        }
    }

    [TestMethod]
    public async Task TheFixtureFamiliesKeepTheirTypeAndHelp()
    {
        var (_, reader) = await ReadFixtureAsync();

        Assert.HasCount(23, reader.Types);
        Assert.HasCount(23, reader.Help);
        Assert.AreEqual(PrometheusMetricType.Counter, reader.Types["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"]);
        Assert.AreEqual(PrometheusMetricType.Gauge, reader.Types["DCGM_FI_DEV_SM_CLOCK"]);
        Assert.AreEqual("SM clock frequency (in MHz).", reader.Help["DCGM_FI_DEV_SM_CLOCK"]);
        Assert.AreEqual("Number of remapped rows for uncorrectable errors", reader.Help["DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS"]);
    }

    private async Task<(List<PrometheusSample> Samples, PrometheusTextReader Reader)> ReadFixtureAsync()
    {
        await using var file = File.OpenRead(CollectorFixtures.PathOf(CollectorFixtures.DcgmExporterL40s));
        using var reader = new PrometheusTextReader(file, new PrometheusLimits());
        var samples = new List<PrometheusSample>();
        await foreach (var sample in reader.ReadAllAsync(TestContext.CancellationToken))
        {
            samples.Add(sample);
        }

        return (samples, reader);
    }
}
