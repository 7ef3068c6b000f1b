using System.Runtime.InteropServices;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>The real P/Invoke binding on a machine without the NVIDIA driver: no fake anywhere.</summary>
[TestClass]
public sealed class NvmlLibraryLoadingTests
{
    // A real shared library without NVML's entry points: zlib, present on every Linux this builds on, else the C library.
    private static readonly string[] Zlib =
        ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/aarch64-linux-gnu/libz.so.1", "/usr/lib/libz.so.1"];

    [TestMethod]
    public async Task AMissingLibraryFileMakesTheCollectorUnavailableWithAdvice()
    {
        const string path = "/nonexistent/nvidia/libnvidia-ml.so.1";
        await using var collector = new NvmlCollector(new NvmlCollectorOptions { LibraryPath = path }, TimeProvider.System);

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

        Assert.StartsWith(path + " could not be loaded", error.Message);
        Assert.Contains("the NVIDIA driver is not installed on this node", error.Message);
        Assert.Contains("--nvml-library", error.Message);
        Assert.IsInstanceOfType<DllNotFoundException>(error.InnerException);
        Assert.Contains("No such file or directory", error.Message, "the loader's own words are kept");
    }

    [TestMethod]
    public async Task WithoutTheNvidiaDriverTheDefaultLibraryMakesTheCollectorUnavailableWithAdvice()
    {
        if (NativeLibrary.TryLoad(NvmlLibrary.DefaultPath, out var handle))
        {
            NativeLibrary.Free(handle);
            Assert.Inconclusive("This machine has the NVIDIA driver.");
        }

        await using var collector = new NvmlCollector(new NvmlCollectorOptions(), TimeProvider.System);

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

        Assert.StartsWith("libnvidia-ml.so.1 could not be loaded: the NVIDIA driver is not installed on this node, or set --nvml-library", error.Message);
    }

    [TestMethod]
    public async Task ALibraryThatIsNotNvmlIsRefusedNamingTheMissingEntryPoints()
    {
        var path = NotNvml();
        await using var collector = new NvmlCollector(new NvmlCollectorOptions { LibraryPath = path }, TimeProvider.System);

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

        Assert.StartsWith(path + " was loaded but is not NVML", error.Message);
        Assert.Contains("nvmlInit_v2", error.Message);
        Assert.Contains("--nvml-library", error.Message);
        Assert.IsNull(NvmlLibrary.LoadedPath, "nothing was bound to it");
    }

    [TestMethod]
    public async Task AFileThatIsNoLibraryIsRefusedAsSuch()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "not an ELF file");
            await using var collector = new NvmlCollector(new NvmlCollectorOptions { LibraryPath = path }, TimeProvider.System);

            var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(CancellationToken.None).AsTask());

            Assert.StartsWith(path + " could not be loaded as a library: set --nvml-library", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public async Task ARefusedLibraryLeavesTheNextAttemptFree()
    {
        await using (var wrong = new NvmlCollector(new NvmlCollectorOptions { LibraryPath = NotNvml() }, TimeProvider.System))
        {
            await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => wrong.StartAsync(CancellationToken.None).AsTask());
        }

        await using var missing = new NvmlCollector(new NvmlCollectorOptions { LibraryPath = "/nonexistent/libnvidia-ml.so.1" }, TimeProvider.System);
        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => missing.StartAsync(CancellationToken.None).AsTask());

        Assert.Contains("could not be loaded", error.Message, "not 'already loaded from' the refused library");
    }

    private static string NotNvml() => Zlib.FirstOrDefault(File.Exists) ?? "libc.so.6";
}
