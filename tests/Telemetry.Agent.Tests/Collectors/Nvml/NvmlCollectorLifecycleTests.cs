using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

[TestClass]
public sealed class NvmlCollectorLifecycleTests
{
    [TestMethod]
    public async Task AFailedInitIsReportedAsUnavailableWithNvmlsOwnExplanation()
    {
        var nvml = new FakeNvml { InitResult = NvmlReturn.LibRmVersionMismatch };
        await using var collector = new NvmlCollector(new NvmlCollectorOptions(), nvml, new FakeTimeProvider());

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

        Assert.Contains("NVML_ERROR_LIB_RM_VERSION_MISMATCH", error.Message);
        Assert.Contains("RM has detected an NVML/RM version mismatch.", error.Message);
        Assert.Contains("libnvidia-ml.so.1", error.Message);
        Assert.Contains("reboot", error.Message);
    }

    [TestMethod]
    public async Task DisposingShutsNvmlDownOnce()
    {
        var nvml = new FakeNvml();
        var collector = await NvmlCollectors.StartedAsync(nvml);

        await collector.DisposeAsync();
        await collector.DisposeAsync();

        Assert.AreEqual(1, nvml.ShutdownCalls);
    }

    [TestMethod]
    public async Task ACollectorThatNeverStartedDoesNotShutNvmlDown()
    {
        var nvml = new FakeNvml { InitResult = NvmlReturn.DriverNotLoaded };
        var collector = new NvmlCollector(new NvmlCollectorOptions(), nvml, new FakeTimeProvider());
        await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

        await collector.DisposeAsync();

        Assert.AreEqual(0, nvml.ShutdownCalls);
    }

    [TestMethod]
    public async Task StartingTwiceInitializesNvmlOnce()
    {
        var nvml = new FakeNvml();
        await using var collector = await NvmlCollectors.StartedAsync(nvml);

        await collector.StartAsync(CancellationToken.None);

        Assert.AreEqual(1, nvml.LoadCalls);
    }

    [TestMethod]
    public async Task CollectingBeforeStartingIsRefused()
    {
        await using var collector = new NvmlCollector(new NvmlCollectorOptions(), new FakeNvml(), new FakeTimeProvider());

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => collector.CollectAsync(CancellationToken.None).AsTask());
    }

    [TestMethod]
    public void AnEmptyLibraryPathIsRefusedNamingTheSetting()
    {
        var options = new NvmlCollectorOptions { LibraryPath = " " };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("--nvml-library", error.Message);
        Assert.AreEqual(nameof(NvmlCollectorOptions.LibraryPath), error.ParamName);
    }
}
