using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;
using static Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>The collector running a real process: a script in nvidia-smi's place.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
public sealed class NvidiaSmiCollectorTests
{
    private const string ExpectedQuery =
        "--query-gpu=index,uuid,name,utilization.gpu,utilization.memory,power.draw,enforced.power.limit,temperature.gpu,"
        + "temperature.memory,clocks.current.sm,clocks.current.memory,clocks.max.sm,memory.total,memory.used,memory.free,"
        + "clocks_event_reasons.active,ecc.errors.corrected.volatile.total,ecc.errors.uncorrected.volatile.total";

    // Answers only the exact query the collector is meant to make, as nvidia-smi would for two H100s.
    private const string TwoGpus = $$"""
        if [ "$1" != "{{ExpectedQuery}}" ] || [ "$2" != "--format=csv,noheader,nounits" ] || [ $# -ne 2 ]; then
          echo "unexpected arguments: $*" >&2
          exit 2
        fi
        echo "0, GPU-11111111-2222-3333-4444-555555555555, NVIDIA H100 80GB HBM3, 100, 11, 631.95, 700.00, 59, 54, 1980, 2619, 1980, 81559, 19818, 61263, 0x0000000000000000, 0, 0"
        echo "1, GPU-66666666-7777-8888-9999-000000000000, NVIDIA H100 80GB HBM3, 0, 0, 69.85, 700.00, 41, 48, 345, 2619, 1980, 81559, 0, 81081, 0x0000000000000001, 2, 1"
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task EachGpuTheCommandPrintsBecomesAReading()
    {
        using var fake = new FakeNvidiaSmi(TwoGpus);
        await using var collector = new NvidiaSmiCollector(fake.Options());

        await collector.StartAsync(TestContext.CancellationToken);
        var readings = await collector.CollectAsync(TestContext.CancellationToken);

        Assert.HasCount(2, readings);
        Assert.AreEqual(new GpuIdentity("gpu-node-042", "GPU-11111111-2222-3333-4444-555555555555", 0, "NVIDIA H100 80GB HBM3"), readings[0].Gpu);
        Assert.AreEqual(new GpuIdentity("gpu-node-042", "GPU-66666666-7777-8888-9999-000000000000", 1, "NVIDIA H100 80GB HBM3"), readings[1].Gpu);
        Assert.AreEqual(631.95, readings[0].Values[PowerUsage]);
        Assert.AreEqual(100.0, readings[0].Values[GpuUtil]);
        Assert.AreEqual(1980.0, readings[0].Values[SmClock]);
        Assert.AreEqual(19818.0, readings[0].Values[FbUsed]);
        Assert.AreEqual(69.85, readings[1].Values[PowerUsage]);
        Assert.AreEqual(48.0, readings[1].Values[MemoryTemp]);
        Assert.AreEqual(ClockEventReasons.GpuIdle, (ClockEventReasons)(long)readings[1].Values[ClocksEventReasons]!.Value);
        Assert.AreEqual(2.0, readings[1].Values[EccSbeVolatileTotal]);
        Assert.AreEqual(1.0, readings[1].Values[EccDbeVolatileTotal]);
        Assert.AreEqual(1, collector.Counters.Collections);
        Assert.AreEqual(2, collector.Counters.Readings);
    }

    [TestMethod]
    public async Task ACommandThatHangsIsKilledWithEveryProcessItStartedAndTheCollectionFails()
    {
        using var fake = new FakeNvidiaSmi("""
            echo $$ > "$(dirname "$0")/shell.pid"
            sleep 600 &
            echo $! > "$(dirname "$0")/sleep.pid"
            wait
            """);
        await using var collector = new NvidiaSmiCollector(fake.Options(timeout: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsExactlyAsync<NvidiaSmiException>(() => collector.CollectAsync(TestContext.CancellationToken).AsTask());

        Assert.AreEqual("timeout", error.Cause);
        Assert.AreEqual($"nvidia-smi at '{fake.ScriptPath}' did not finish within 1 s; it was killed.", error.Message);
        Assert.AreEqual(1, collector.Counters.Errors["timeout"]);
        Assert.AreEqual(0, collector.Counters.Collections);
        Assert.IsTrue(ProcessIsGone(PidIn(fake, "shell.pid")), "the script itself was killed");
        Assert.IsTrue(ProcessIsGone(PidIn(fake, "sleep.pid")), "the process the script started was killed too");
    }

    [TestMethod]
    public async Task ANonZeroExitFailsWithWhatTheCommandPrintedOnStandardError()
    {
        using var fake = new FakeNvidiaSmi("""
            echo "Failed to initialize NVML: Driver/library version mismatch" >&2
            exit 1
            """);
        await using var collector = new NvidiaSmiCollector(fake.Options());

        var unavailable = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(TestContext.CancellationToken).AsTask());
        var failed = await Assert.ThrowsExactlyAsync<NvidiaSmiException>(() => collector.CollectAsync(TestContext.CancellationToken).AsTask());

        const string Expected = "exited with code 1: Failed to initialize NVML: Driver/library version mismatch";
        Assert.AreEqual($"nvidia-smi at '{fake.ScriptPath}' {Expected}", unavailable.Message);
        Assert.EndsWith(Expected, failed.Message);
        Assert.AreEqual("exit-code", failed.Cause);
        Assert.AreEqual(1, collector.Counters.Errors["exit-code"]);
    }

    [TestMethod]
    public async Task OutputBeyondTheLimitIsRejectedAndTheCommandKilled()
    {
        using var fake = new FakeNvidiaSmi("yes '0, GPU-1, NVIDIA H100 80GB HBM3, 0, 0, 69.85, 700.00, 41, 48, 345, 2619, 1980, 81559, 0, 81081, 0x1, 0, 0'");
        await using var collector = new NvidiaSmiCollector(fake.Options(maxOutputBytes: 4096));

        var error = await Assert.ThrowsExactlyAsync<NvidiaSmiException>(() => collector.CollectAsync(TestContext.CancellationToken).AsTask());

        Assert.AreEqual("too-large", error.Cause);
        Assert.Contains("printed more than 4096 bytes", error.Message);
        Assert.AreEqual(1, collector.Counters.Errors["too-large"]);
        Assert.AreEqual(0, collector.Counters.Readings);
    }

    [TestMethod]
    public async Task GarbageOnStandardOutputIsCountedAsParse()
    {
        using var fake = new FakeNvidiaSmi("""
            echo "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."
            echo "Make sure that the latest NVIDIA driver is installed and running."
            """);
        await using var collector = new NvidiaSmiCollector(fake.Options());

        var error = await Assert.ThrowsExactlyAsync<NvidiaSmiException>(() => collector.CollectAsync(TestContext.CancellationToken).AsTask());

        Assert.AreEqual("parse", error.Cause);
        Assert.Contains("couldn't communicate with the NVIDIA driver", error.Message);
        Assert.AreEqual(2, collector.Counters.Errors["parse"], "both lines were rejected");
        Assert.AreEqual(0, collector.Counters.Collections);
    }

    [TestMethod]
    public async Task AMissingExecutableMakesTheCollectorUnavailableNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-directory-" + Guid.NewGuid().ToString("N"), "nvidia-smi");
        await using var collector = new NvidiaSmiCollector(new NvidiaSmiOptions { Path = path });

        var error = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => collector.StartAsync(TestContext.CancellationToken).AsTask());

        Assert.AreEqual($"nvidia-smi was not found at '{path}': install the NVIDIA driver or set --nvidia-smi.", error.Message);
    }

    [TestMethod]
    public async Task AMissingExecutableFailsEachCollectionAsNotFound()
    {
        await using var collector = new NvidiaSmiCollector(new NvidiaSmiOptions { Path = "nvidia-smi-that-is-not-on-path-" + Guid.NewGuid().ToString("N") });

        var error = await Assert.ThrowsExactlyAsync<NvidiaSmiException>(() => collector.CollectAsync(TestContext.CancellationToken).AsTask());

        Assert.AreEqual("not-found", error.Cause);
        Assert.AreEqual(1, collector.Counters.Errors["not-found"]);
    }

    private static int PidIn(FakeNvidiaSmi fake, string file) => int.Parse(File.ReadAllText(Path.Combine(fake.DirectoryPath, file)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    // Gone, or a zombie waiting for a parent to reap it; SIGKILL lands asynchronously, so look a few times.
    private static bool ProcessIsGone(int pid)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var stat = Path.Combine("/proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat");
            if (!File.Exists(stat) || StateOf(File.ReadAllText(stat)) is 'Z' or 'X')
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return false;
    }

    // /proc/<pid>/stat: "pid (comm) state ..."; comm may hold spaces and parentheses, so look after the last ')'.
    private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];
}
