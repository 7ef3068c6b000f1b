using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Health;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests.Rules;

[TestClass]
public sealed class HardwareRuleTests
{
    [TestMethod]
    public void ACriticalXidFiresOnItsWindowWithTheCatalogsActionAndResolvesAfterThirtyQuietMinutes()
    {
        var evaluator = Support.Evaluators.Create();
        var windows = Enumerable.Range(0, 32).Select(m => Window(m, [m == 0 ? Gpu(m) with { XidCount = 1, XidLast = 79 } : Gpu(m)], [Job(m)]));

        var after = Support.Evaluators.Run(evaluator, windows);

        var alert = Assert.ContainsSingle(after[0]);
        Assert.AreEqual(AlertNames.GpuCriticalXid, alert.Name);
        Assert.AreEqual("critical", alert.Labels["severity"]);
        Assert.AreEqual("79", alert.Labels["xid"]);
        Assert.AreEqual(XidCatalog.Find(79).Action, alert.Annotations["action"]);
        Assert.Contains("GPU_HAS_FALLEN_OFF_THE_BUS", alert.Annotations["summary"]);
        Assert.AreEqual(T0, alert.StartsAt);
        Assert.ContainsSingle(after[29]);
        Assert.IsEmpty(after[30]);
    }

    [TestMethod]
    public void AnXidThatComesBackKeepsTheSameAlert()
    {
        var evaluator = Support.Evaluators.Create();
        var windows = Enumerable.Range(0, 51).Select(m => Window(m, [m is 0 or 20 ? Gpu(m) with { XidCount = 2, XidLast = 48 } : Gpu(m)], [Job(m)]));

        var after = Support.Evaluators.Run(evaluator, windows);

        var last = Assert.ContainsSingle(after[49]);
        Assert.AreEqual(T0, last.StartsAt);
        Assert.AreEqual(after[0][0].Fingerprint, last.Fingerprint);
        Assert.Contains("4 event(s)", last.Annotations["description"]);
        Assert.IsEmpty(after[50]);
    }

    [TestMethod]
    public void AnApplicationXidIsNoCriticalAlert()
    {
        var evaluator = Support.Evaluators.Create();

        Assert.IsEmpty(evaluator.Evaluate(Window(0, [Gpu(0) with { XidCount = 1, XidLast = 13 }])));
    }

    [TestMethod]
    public void HbmAbove95DegreesForFiveMinutesFires()
    {
        var evaluator = Support.Evaluators.Create();

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 5).Select(m => Window(m, [Gpu(m) with { MemoryTempMax = 97.5 }])));

        Assert.IsEmpty(after[3]);
        var alert = Assert.ContainsSingle(after[4]);
        Assert.AreEqual(AlertNames.GpuHbmTemperatureHigh, alert.Name);
        Assert.Contains("97.5 °C", alert.Annotations["summary"]);
    }

    [TestMethod]
    public void GpuTemperatureAtTheLimitIsNotAbove()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { GpuTemperature = new() { LimitCelsius = 87, For = TimeSpan.Zero } });

        Assert.IsEmpty(evaluator.Evaluate(Window(0, [Gpu(0) with { GpuTempMax = 87 }])));
        Assert.AreEqual(AlertNames.GpuTemperatureHigh, Assert.ContainsSingle(evaluator.Evaluate(Window(1, [Gpu(1) with { GpuTempMax = 88 }]))).Name);
    }

    [TestMethod]
    public void ThermalThrottlingForAQuarterOfEveryWindowForTenMinutesFires()
    {
        var evaluator = Support.Evaluators.Create();
        var windows = Enumerable.Range(0, 10).Select(m => Window(m, [Gpu(m) with { ThrottleSeconds = 40, ThermalThrottleSeconds = 15, PowerThrottleSeconds = 25 }]));

        var after = Support.Evaluators.Run(evaluator, windows);

        Assert.IsEmpty(after[8]);
        Assert.AreEqual(AlertNames.GpuThermalThrottling, Assert.ContainsSingle(after[9]).Name);
    }

    [TestMethod]
    public void PowerBrakeThrottlingIsNotThermal()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { Throttling = new() { For = TimeSpan.Zero } });

        Assert.IsEmpty(evaluator.Evaluate(Window(0, [Gpu(0) with { ThrottleSeconds = 60, ThermalThrottleSeconds = 0, PowerThrottleSeconds = 60 }])));
    }

    [TestMethod]
    public void UnsplitThrottlingCountsWhole()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { Throttling = new() { For = TimeSpan.Zero } });

        var alert = Assert.ContainsSingle(evaluator.Evaluate(Window(0, [Gpu(0) with { ThrottleSeconds = 30, ThermalThrottleSeconds = null }])));

        Assert.Contains("not split by cause", alert.Annotations["description"]);
    }
}
