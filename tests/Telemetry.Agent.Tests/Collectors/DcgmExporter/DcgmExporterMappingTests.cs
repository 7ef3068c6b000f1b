using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Collectors.DcgmExporter;

/// <summary>How families, labels and values of a dcgm-exporter page become readings, served by a real HTTP server.</summary>
[TestClass]
public sealed class DcgmExporterMappingTests
{
    private const string H100 = "GPU-8d3e1c52-5f0a-7b9e-2c41-0a9f6e3d7b18";
    private const string Parent = $"gpu=\"0\",UUID=\"{H100}\",pci_bus_id=\"00000000:18:00.0\",device=\"nvidia0\",modelName=\"NVIDIA H100 80GB HBM3\"";
    private const string Host = "Hostname=\"dgx-07\",DCGM_FI_DRIVER_VERSION=\"550.54.15\"";

    private readonly List<DcgmExporterCollector> _collectors = [];

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    public async Task EachMigInstanceIsAReadingOfItsOwnApartFromItsParentGpu()
    {
        const string instance1 = $"{Parent},GPU_I_PROFILE=\"3g.40gb\",GPU_I_ID=\"1\",{Host}";
        const string instance9 = $"{Parent},GPU_I_PROFILE=\"1g.10gb\",GPU_I_ID=\"9\",{Host}";
        const string page = $$"""
            # HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).
            # TYPE DCGM_FI_DEV_GPU_TEMP gauge
            DCGM_FI_DEV_GPU_TEMP{{{Parent}},{{Host}}} 41
            # HELP DCGM_FI_DEV_POWER_USAGE Power draw (in W).
            # TYPE DCGM_FI_DEV_POWER_USAGE gauge
            DCGM_FI_DEV_POWER_USAGE{{{Parent}},{{Host}}} 187.250000
            # HELP DCGM_FI_DEV_FB_USED Framebuffer memory used (in MiB).
            # TYPE DCGM_FI_DEV_FB_USED gauge
            DCGM_FI_DEV_FB_USED{{{instance1}},container="trainer",namespace="ml",pod="llama-ft-0"} 30211
            DCGM_FI_DEV_FB_USED{{{instance9}}} 13
            # HELP DCGM_FI_PROF_GR_ENGINE_ACTIVE Ratio of time the graphics engine is active.
            # TYPE DCGM_FI_PROF_GR_ENGINE_ACTIVE gauge
            DCGM_FI_PROF_GR_ENGINE_ACTIVE{{{instance1}},container="trainer",namespace="ml",pod="llama-ft-0"} 0.912345
            DCGM_FI_PROF_GR_ENGINE_ACTIVE{{{instance9}}} 0.000000

            """;

        var (readings, collector) = await CollectAsync(page);

        Assert.HasCount(3, readings);
        var whole = readings.Single(r => r.Gpu.MigInstance is null);
        var large = readings.Single(r => r.Gpu.MigInstance == 1);
        var small = readings.Single(r => r.Gpu.MigInstance == 9);
        Assert.AreEqual(new GpuIdentity("dgx-07", H100, 0, "NVIDIA H100 80GB HBM3"), whole.Gpu);
        Assert.AreEqual(new GpuIdentity("dgx-07", H100, 0, "NVIDIA H100 80GB HBM3", 1, "3g.40gb"), large.Gpu);
        Assert.AreEqual("1g.10gb", small.Gpu.MigProfile);
        Assert.AreEqual(41d, whole.Values[FieldOrdinals.GpuTemp]);
        Assert.IsNull(whole.Values[FieldOrdinals.FbUsed]);
        Assert.AreEqual(30211d, large.Values[FieldOrdinals.FbUsed]);
        Assert.AreEqual(0.912345, large.Values[FieldOrdinals.GrEngineActive]);
        Assert.IsNull(large.Values[FieldOrdinals.GpuTemp]);
        Assert.AreEqual(13d, small.Values[FieldOrdinals.FbUsed]);
        Assert.AreEqual(new GpuWorkloadLabels(large.Gpu, "llama-ft-0", "ml", "trainer", null), collector.LastWorkloads.Single());
    }

    [TestMethod]
    public async Task DcgmBlankSentinelsBecomeNullAndAreCountedPerFieldAndReason()
    {
        var page = Page(
            ("DCGM_FI_DEV_GPU_TEMP", "9223372036854775794"),
            ("DCGM_FI_DEV_MEM_CLOCK", "2147483633"),
            ("DCGM_FI_DEV_POWER_USAGE", "140737488355328"),
            ("DCGM_FI_DEV_ENFORCED_POWER_LIMIT", "1.40737488355329e+14"),
            ("DCGM_FI_DEV_FB_FREE", "2147483632"),
            ("DCGM_FI_DEV_GPU_UTIL", "4294967295"),
            ("DCGM_FI_DEV_SM_CLOCK", "1980"));

        var (readings, collector) = await CollectAsync(page);

        var values = readings.Single().Values;
        Assert.IsNull(values[FieldOrdinals.GpuTemp]);
        Assert.IsNull(values[FieldOrdinals.MemClock]);
        Assert.IsNull(values[FieldOrdinals.PowerUsage]);
        Assert.IsNull(values[FieldOrdinals.EnforcedPowerLimit]);
        Assert.IsNull(values[FieldOrdinals.FbFree]);
        Assert.IsNull(values[FieldOrdinals.GpuUtil]);
        Assert.AreEqual(1980d, values[FieldOrdinals.SmClock]);
        var blanks = collector.Counters.Blanks;
        Assert.HasCount(6, blanks);
        Assert.AreEqual(1, blanks[("gpu_temp", BlankReason.NotSupported)]);
        Assert.AreEqual(1, blanks[("mem_clock", BlankReason.NotFound)]);
        Assert.AreEqual(1, blanks[("power_usage", BlankReason.Blank)]);
        Assert.AreEqual(1, blanks[("power_limit", BlankReason.NotFound)]);
        Assert.AreEqual(1, blanks[("fb_free", BlankReason.Blank)]);
        Assert.AreEqual(1, blanks[("gpu_util", BlankReason.Unavailable)]);
    }

    [TestMethod]
    public async Task NaNAndInfinitiesBecomeNullAndAreCountedAsNotANumber()
    {
        var page = Page(("DCGM_FI_DEV_GPU_TEMP", "NaN"), ("DCGM_FI_DEV_POWER_USAGE", "+Inf"), ("DCGM_FI_PROF_SM_ACTIVE", "-Inf"));

        var (readings, collector) = await CollectAsync(page);

        var values = readings.Single().Values;
        Assert.IsTrue(values.All(v => v is null));
        Assert.AreEqual(1, collector.Counters.Blanks[("gpu_temp", BlankReason.NotANumber)]);
        Assert.AreEqual(1, collector.Counters.Blanks[("power_usage", BlankReason.NotANumber)]);
        Assert.AreEqual(1, collector.Counters.Blanks[("sm_active", BlankReason.NotANumber)]);
    }

    [TestMethod]
    public async Task Dcgm46NamesFillTheSameFieldsAsTheClassicNames()
    {
        var classic = Page(("DCGM_FI_DEV_GPU_TEMP", "41"), ("DCGM_FI_DEV_POWER_USAGE", "187.25"), ("DCGM_FI_DEV_MEMORY_TEMP", "38"),
            ("DCGM_FI_DEV_ENFORCED_POWER_LIMIT", "700"), ("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "1"), ("DCGM_FI_PROF_SM_ACTIVE", "0.5"));
        var renamed = Page(("DCGM_FI_DEV_GPU_TEMP_CELSIUS", "41"), ("DCGM_FI_DEV_BOARD_POWER_WATTS", "187.25"),
            ("DCGM_FI_DEV_MEMORY_TEMP_CELSIUS", "38"), ("DCGM_FI_DEV_BOARD_POWER_LIMIT_ENFORCED_WATTS", "700"),
            ("DCGM_FI_DEV_CLOCKS_EVENT_REASONS", "1"), ("DCGM_FI_PROF_SM_UTIL_RATIO", "0.5"));

        var (fromClassic, _) = await CollectAsync(classic);
        var (fromRenamed, collector) = await CollectAsync(renamed);

        Assert.AreEqual(6, fromClassic.Single().Values.Count(v => v is not null));
        CollectionAssert.AreEqual(fromClassic.Single().Values, fromRenamed.Single().Values);
        Assert.IsEmpty(collector.LastIgnoredFamilies);
    }

    [TestMethod]
    public async Task WorkloadLabelsOfTheLastCollectionAreKeptPerGpuAndTheFirstValueOfASharedGpuWins()
    {
        const string gpu1 = "gpu=\"1\",UUID=\"GPU-1111\",device=\"nvidia1\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"dgx-07\"";
        var page = $$"""
            DCGM_FI_DEV_GPU_UTIL{{{Parent}},{{Host}},container="vllm",namespace="serving",pod="chat-a"} 87
            DCGM_FI_DEV_GPU_UTIL{{{Parent}},{{Host}},container="vllm",namespace="serving",pod="chat-b"} 88
            DCGM_FI_DEV_POWER_USAGE{{{Parent}},{{Host}},container="vllm",namespace="serving",pod="chat-a"} 512
            DCGM_FI_DEV_GPU_UTIL{{{gpu1}},hpc_job="slurm-4242"} 99

            """;
        await using var server = await LoopbackExporter.StartAsync(page);
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url });

        var readings = await collector.CollectAsync(Cancellation);
        var workloads = collector.LastWorkloads;
        server.Serve(LoopbackExporter.Text($"DCGM_FI_DEV_GPU_UTIL{{{Parent},{Host}}} 0\n"));
        await collector.CollectAsync(Cancellation);

        Assert.HasCount(2, readings);
        Assert.AreEqual(87d, readings[0].Values[FieldOrdinals.GpuUtil]);
        Assert.AreEqual(512d, readings[0].Values[FieldOrdinals.PowerUsage]);
        Assert.AreEqual(1, readings[1].Gpu.Index);
        Assert.HasCount(3, workloads);
        Assert.AreEqual(new GpuWorkloadLabels(readings[0].Gpu, "chat-a", "serving", "vllm", null), workloads[0]);
        Assert.AreEqual(new GpuWorkloadLabels(readings[0].Gpu, "chat-b", "serving", "vllm", null), workloads[1]);
        Assert.AreEqual(new GpuWorkloadLabels(readings[1].Gpu, null, null, null, "slurm-4242"), workloads[2]);
        Assert.IsEmpty(collector.LastWorkloads, "the next collection had no workload labels");
    }

    [TestMethod]
    public async Task TheNodeComesFromEitherHostnameLabelOrElseTheConfiguredName()
    {
        const string page = """
            DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a",modelName="NVIDIA L4",Hostname="old-style"} 40
            DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-b",modelName="NVIDIA L4",hostname="new-style"} 41
            DCGM_FI_DEV_GPU_TEMP{device="nvidia2",UUID="GPU-c"} 42

            """;

        var (readings, _) = await CollectAsync(page, new DcgmExporterOptions { Node = "configured-node" });

        Assert.AreEqual("old-style", readings[0].Gpu.Node);
        Assert.AreEqual("new-style", readings[1].Gpu.Node);
        Assert.AreEqual(new GpuIdentity("configured-node", "GPU-c", 2, "unknown"), readings[2].Gpu);
    }

    [TestMethod]
    public async Task SampleTimestampsGiveTheReadingTheLatestOfThem()
    {
        var page = $"DCGM_FI_DEV_GPU_TEMP{{{Parent},{Host}}} 41 1767225600000\nDCGM_FI_DEV_POWER_USAGE{{{Parent},{Host}}} 187 1767225601500\n";

        var (readings, _) = await CollectAsync(page);

        Assert.AreEqual(1767225601500, readings.Single().TimeUnixMs);
    }

    [TestMethod]
    public async Task TheExportersOwnMetricsAreIgnoredAndListed()
    {
        const string page = $$"""
            DCGM_FI_DEV_XID_ERRORS{{{Parent}},{{Host}}} 0
            DCGM_EXP_XID_ERRORS_COUNT{{{Parent}},{{Host}},window_size_in_ms="300000",xid="79"} 1
            DCGM_EXP_CLOCK_EVENTS_COUNT{{{Parent}},{{Host}},clock_event="power_cap",window_size_in_ms="300000"} 3
            DCGM_EXP_GPU_HEALTH_STATUS{{{Parent}},{{Host}},health_watch_system="pcie"} 0

            """;

        var (readings, collector) = await CollectAsync(page);

        Assert.AreEqual(0d, readings.Single().Values[FieldOrdinals.XidErrors]);
        Assert.AreEqual(1, readings.Single().Values.Count(v => v is not null));
        Assert.HasCount(3, collector.LastIgnoredFamilies);
        Assert.AreEqual(1, collector.LastIgnoredFamilies["DCGM_EXP_XID_ERRORS_COUNT"]);
    }

    [TestMethod]
    public async Task SeriesOfCatalogFieldsWithoutAUuidAreDroppedAndCounted()
    {
        var page = $"DCGM_FI_DEV_GPU_TEMP{{gpu=\"0\",{Host}}} 41\nDCGM_FI_DEV_POWER_USAGE{{{Parent},{Host}}} 187\n";

        var (readings, collector) = await CollectAsync(page);

        Assert.HasCount(1, readings);
        Assert.IsNull(readings[0].Values[FieldOrdinals.GpuTemp]);
        Assert.AreEqual(1, collector.Counters.Errors["series-without-uuid"]);
    }

    [TestMethod]
    public async Task APageOfMoreGpusThanMaxGpusIsRejectedAsTooLarge()
    {
        const string page = """
            DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a"} 40
            DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a",GPU_I_ID="1",GPU_I_PROFILE="3g.40gb"} 40
            DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-b"} 41

            """;
        await using var server = await LoopbackExporter.StartAsync(page);
        await using var collector = new DcgmExporterCollector(new DcgmExporterOptions { Url = server.Url, MaxGpus = 2 });

        var error = await Assert.ThrowsExactlyAsync<ScrapeException>(() => collector.CollectAsync(Cancellation).AsTask());

        Assert.AreEqual("too-large", error.Cause);
        Assert.Contains("line 3: the page describes more than 2 GPUs and MIG instances (MaxGpus)", error.Message);
    }

    [TestCleanup]
    public async Task DisposeCollectors()
    {
        foreach (var collector in _collectors)
        {
            await collector.DisposeAsync();
        }
    }

    private static string Page(params (string Family, string Value)[] series) =>
        string.Concat(series.Select(s => $"{s.Family}{{{Parent},{Host}}} {s.Value}\n"));

    private async Task<(IReadOnlyList<GpuReading> Readings, DcgmExporterCollector Collector)> CollectAsync(string page, DcgmExporterOptions? options = null)
    {
        await using var server = await LoopbackExporter.StartAsync(page);
        options ??= new DcgmExporterOptions();
        options.Url = server.Url;
        var collector = new DcgmExporterCollector(options);
        _collectors.Add(collector);
        return (await collector.CollectAsync(Cancellation), collector);
    }
}
