using Telemetry.Analytics.Health;
using static Telemetry.Analytics.Tests.Health.HealthWindows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class ThermalFindingTests
{
    [TestMethod]
    public void ThrottlingAboveTheWarningShareOfObservedTimeIsAWarning()
    {
        var windows = Minutes(0, 2, m => Burn(H100, m) with { ThrottleSeconds = m switch { 1 => 12, 2 => 6, _ => 0 } });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.Throttling, finding.Kind);
        Assert.AreEqual(HealthSeverity.Warning, finding.Severity);
        Assert.AreEqual(2, finding.Count);
        Assert.Contains("18 s of 180 s observed", finding.Detail);
        Assert.AreEqual(Start.AddSeconds(60), finding.FirstSeen);
    }

    [TestMethod]
    public void BriefThrottlingIsInformation()
    {
        var windows = Minutes(0, 2, m => Burn(H100, m) with { ThrottleSeconds = m == 1 ? 3 : 0 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthSeverity.Info, finding.Severity);
    }

    [TestMethod]
    public void WhereTheSecondsAreSplitMostlyThermalThrottlingPointsAtCooling()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { ThrottleSeconds = 9, ThermalThrottleSeconds = 7.5, PowerThrottleSeconds = 1.5 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.Contains("15 s thermal, 3 s power brake", finding.Detail);
        Assert.StartsWith("Check the GPU's cooling", finding.Action);
        Assert.DoesNotContain("power brake (EDPp)", finding.Action);
    }

    [TestMethod]
    public void WhereTheSecondsAreSplitPowerBrakeThrottlingPointsAtPower()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { ThrottleSeconds = 5, ThermalThrottleSeconds = 0, PowerThrottleSeconds = 5 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.StartsWith("Check the node's power", finding.Action);
    }

    [TestMethod]
    public void UnsplitThrottlingNamesBothCauses()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { ThrottleSeconds = 5 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.Contains("cooling", finding.Action);
        Assert.Contains("power brake", finding.Action);
    }

    [TestMethod]
    public void HbmAboveTheDefaultLimitIsAWarningWithItsHighestTemperature()
    {
        var windows = Minutes(0, 3, m => Burn(H100, m) with { MemoryTempMax = m is 1 or 2 ? 96 + m : 59 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.HbmTemperature, finding.Kind);
        Assert.AreEqual(HealthSeverity.Warning, finding.Severity);
        Assert.AreEqual(2, finding.Count);
        Assert.Contains("above its 95 °C limit", finding.Detail);
        Assert.Contains("highest 98 °C", finding.Detail);
    }

    [TestMethod]
    public void HbmAtItsLimitIsNoFinding()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { MemoryTempMax = 95 });

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
    }

    [TestMethod]
    public void AModelLimitAppliesInsteadOfTheDefault()
    {
        var windows = Minutes(0, 1, m => Burn(H100, m) with { MemoryTempMax = 97 });
        var options = new HealthOptions { HbmTempLimits = [new("H100", 100)] };

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows, options));
        Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));
    }
}
