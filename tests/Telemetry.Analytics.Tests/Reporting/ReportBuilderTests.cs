using Telemetry.Analytics.Reporting;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Reporting;

[TestClass]
public sealed class ReportBuilderTests
{
    private const double Busy = 0.05;

    // A fully covered minute of an idle GPU with 8 GiB of 80 GiB used, held by no job.
    private static readonly GpuWindow IdleMinute = new(
        T0, At(60), "node-1", H100.Uuid, 0, null, H100.Model, null, 12, 1.0,
        GpuUtilMean: 0, GpuUtilMax: 0, SmActiveMean: 0.01, SmActiveMax: 0.02, TensorActiveMean: 0, DramActiveMean: 0,
        PowerMean: 90, PowerMax: 95, EnergyCounterJoules: 5_400, EnergyIntegratedJoules: 5_400, EnergyJoules: 5_400,
        CounterResets: 0, Gaps: 0, GpuTempMax: 35, MemoryTempMax: 40, FbUsedMax: 8_192, FbTotal: 81_920,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: 0, AllocatedSeconds: 0, Tflop: 0);

    [TestMethod]
    public void AllocatedIdleGpuWithLittleMemoryIsAllocatedIdle()
    {
        var window = IdleMinute with { JobId = "job-1", AllocatedSeconds = 60 };

        Assert.AreEqual("allocated-idle", ReportBuilder.WasteClass(window, Busy));
    }

    [TestMethod]
    public void AllocatedIdleGpuWithMoreThanHalfItsMemoryUsedIsMemoryParked()
    {
        var window = IdleMinute with { JobId = "job-1", AllocatedSeconds = 60, FbUsedMax = 49_152 };

        Assert.AreEqual("memory-parked", ReportBuilder.WasteClass(window, Busy));
    }

    [TestMethod]
    public void UnallocatedGpuHoldingMoreThanThirtyPercentOfItsMemoryIsZombie()
    {
        var window = IdleMinute with { FbUsedMax = 32_768 };

        Assert.AreEqual("zombie", ReportBuilder.WasteClass(window, Busy));
    }

    [TestMethod]
    public void UnallocatedIdleGpuWithLittleMemoryIsUnallocatedIdle()
    {
        Assert.AreEqual("unallocated-idle", ReportBuilder.WasteClass(IdleMinute, Busy));
    }

    [TestMethod]
    public void BusyGpuIsNoWaste()
    {
        var window = IdleMinute with { JobId = "job-1", AllocatedSeconds = 60, SmActiveMean = 0.6, FbUsedMax = 49_152 };

        Assert.IsNull(ReportBuilder.WasteClass(window, Busy));
    }

    [TestMethod]
    public void JobTotalsAreTheSumsOfTheirWindowPartials()
    {
        JobWindow[] jobs =
        [
            new(T0, At(60), "job-1", "alice", "llm", H100.Model, 2, 120, 90, 60_000, 30_000, 1_200_000, "tokens"),
            new(At(60), At(120), "job-1", "alice", "llm", H100.Model, 1, 60, 60, 40_000, 20_000, 800_000, "tokens"),
        ];

        var report = ReportBuilder.Build([IdleMinute, IdleMinute with { WindowStart = At(60), WindowEnd = At(120) }], jobs, null);

        var job = Assert.ContainsSingle(report.Jobs);
        Assert.AreEqual(180 / 3600.0, job.GpuHours);
        Assert.AreEqual(100_000.0, job.EnergyJoules);
        Assert.AreEqual(2_000_000L, job.Tokens);
        Assert.AreEqual(2_000_000 / 100_000.0, job.TokensPerJoule);
        Assert.AreEqual(50_000 / 100_000.0, job.TflopsPerWatt);
        Assert.AreEqual(150 / 180.0, job.Utilization);
        Assert.AreEqual(30 / 3600.0, job.IdleGpuHours);
        Assert.AreEqual(2, job.Gpus);
    }

    [TestMethod]
    public void HealthNamesXidErrorsWithNvidiasActionAndThrottling()
    {
        GpuWindow[] gpus =
        [
            IdleMinute with { XidCount = 1, XidLast = 79, XidGauge = 79, GpuTempMax = 88 },
            IdleMinute with { GpuUuid = OtherH100.Uuid, GpuIndex = 1, ThrottleSeconds = 12, ThermalThrottleSeconds = 12, GpuTempMax = 91 },
            IdleMinute with { GpuUuid = OtherH100.Uuid, GpuIndex = 1, WindowStart = At(60), WindowEnd = At(120), ThrottleSeconds = 30, ThermalThrottleSeconds = 30 },
        ];

        var report = ReportBuilder.Build(gpus, [], null);

        var xid = Assert.ContainsSingle(report.Health.Where(h => h.Kind == "xid"));
        Assert.AreEqual((H100.Uuid, Telemetry.Analytics.Health.HealthSeverity.Critical), (xid.GpuUuid, xid.Severity));
        Assert.Contains("XID 79", xid.Detail);
        Assert.IsFalse(string.IsNullOrWhiteSpace(xid.Action));
        var throttling = Assert.ContainsSingle(report.Health.Where(h => h.Kind == "throttling"));
        Assert.AreEqual(OtherH100.Uuid, throttling.GpuUuid);
        Assert.AreEqual(Start, throttling.FirstSeen);
    }
}
