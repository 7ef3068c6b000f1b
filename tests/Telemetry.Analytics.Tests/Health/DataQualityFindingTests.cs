using Telemetry.Analytics.Health;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Health.HealthWindows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class DataQualityFindingTests
{
    [TestMethod]
    public void RealLoadPowerWithProfilingReadingZeroIsFlagged()
    {
        var windows = Minutes(0, 2, m => Burn(H100, m) with { SmActiveMean = 0, SmActiveMax = 0, TensorActiveMean = 0 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.ProfilingZeroWhileBusy, finding.Kind);
        Assert.AreEqual(HealthSeverity.Warning, finding.Severity);
        Assert.AreEqual(3, finding.Count);
        // 69.85 W idle + 0.25 × (700 − 69.85) W for the H100 profile.
        Assert.Contains("at or above 227 W", finding.Detail);
        Assert.Contains("read zero", finding.Detail);
    }

    [TestMethod]
    public void RealLoadPowerWithProfilingMissingIsFlaggedAsMissing()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { SmActiveMean = null, SmActiveMax = null });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.Contains("were missing", finding.Detail);
    }

    [TestMethod]
    public void IdlePowerWithProfilingAtZeroIsNoContradiction()
    {
        var windows = Minutes(0, 2, m => Idle(H100, m) with { SmActiveMax = null, TensorActiveMean = 0 });

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
    }

    [TestMethod]
    public void AModelWithoutAPowerProfileIsNotJudged()
    {
        var other = new GpuIdentity("node-1", "GPU-44444444-4444-4444-4444-444444444444", 0, "NVIDIA RTX 6000 Ada Generation");
        var windows = Minutes(0, 1, m => Burn(other, m) with { SmActiveMax = 0 });

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
    }

    [TestMethod]
    public void TheBusyPowerFractionDecidesWhatCountsAsBusy()
    {
        var windows = Minutes(0, 0, m => Burn(H100, m) with { PowerMean = 300, SmActiveMax = 0 });

        Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));
        Assert.IsEmpty(HealthAnalyzer.Analyze(windows, new HealthOptions { BusyPowerFraction = 0.5 }));
    }

    [TestMethod]
    public void AnXidGaugeHoldingOneCodeForSixtyWindowsIsStuckAndTheXidItselfCountedOnce()
    {
        var windows = Minutes(0, 60, m => Idle(H100, m) with { XidGauge = 79, XidCount = m == 0 ? 1 : 0, XidLast = m == 0 ? 79 : 0 });

        var findings = HealthAnalyzer.Analyze(windows);

        var xid = findings.Single(f => f.Kind == HealthKinds.Xid);
        var stuck = findings.Single(f => f.Kind == HealthKinds.XidGaugeStuck);
        Assert.AreEqual(1, xid.Count);
        Assert.AreEqual(61, stuck.Count);
        Assert.AreEqual(HealthSeverity.Info, stuck.Severity);
        Assert.Contains("held 79", stuck.Detail);
        Assert.AreEqual(Start.AddMinutes(61), stuck.LastSeen);
    }

    [TestMethod]
    public void AnXidGaugeThatClearsInBetweenIsNotStuck()
    {
        var windows = Minutes(0, 60, m => Idle(H100, m) with { XidGauge = m == 30 ? 0 : 79 });

        Assert.IsFalse(HealthAnalyzer.Analyze(windows).Any(f => f.Kind == HealthKinds.XidGaugeStuck));
        Assert.HasCount(2, HealthAnalyzer.Analyze(windows, new HealthOptions { StuckXidWindows = 30 }).Where(f => f.Kind == HealthKinds.XidGaugeStuck));
    }

    [TestMethod]
    public void WindowsWithoutTheXidGaugeCannotBeJudgedStuck()
    {
        var windows = Minutes(0, 60, m => Idle(H100, m));

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
    }

    [TestMethod]
    public void LowCoverageWindowsAreCountedWithTheLowestShare()
    {
        var windows = Minutes(0, 3, m => Idle(H100, m) with { Coverage = m switch { 1 => 0.4, 3 => 0.2, _ => 1.0 } });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.LowCoverage, finding.Kind);
        Assert.AreEqual(2, finding.Count);
        Assert.Contains("lowest 20 %", finding.Detail);
    }

    [TestMethod]
    public void BlankValuesOfAFieldThatFiguresNeedAreAWarningAndOthersInformation()
    {
        SentinelCount[] sentinels =
        [
            new("node-1", "power_usage", "blank", 5, Start, Start.AddHours(1)),
            new("node-1", "power_usage", "not-supported", 2, Start, Start.AddHours(1)),
            new("node-1", "fp64_active", "not-supported", 100, Start, Start.AddHours(1)),
        ];

        var findings = HealthAnalyzer.Analyze([], sentinels: sentinels);

        Assert.HasCount(2, findings);
        var power = findings[0];
        Assert.AreEqual(HealthKinds.SentinelValues, power.Kind);
        Assert.AreEqual(HealthSeverity.Warning, power.Severity);
        Assert.AreEqual(7, power.Count);
        Assert.IsNull(power.GpuUuid);
        Assert.Contains("7 values of power_usage", power.Detail);
        Assert.Contains("blank 5, not-supported 2", power.Detail);
        Assert.AreEqual(HealthSeverity.Info, findings[1].Severity);
        Assert.AreEqual(100, findings[1].Count);
    }
}
