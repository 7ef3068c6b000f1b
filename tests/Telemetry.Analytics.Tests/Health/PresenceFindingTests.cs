using Telemetry.Analytics.Health;
using static Telemetry.Analytics.Tests.Health.HealthWindows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class PresenceFindingTests
{
    [TestMethod]
    public void AGpuSilentForThreeWindowsWhileItsNodeReportsIsMissing()
    {
        var windows = Minutes(0, 5, m => Idle(H100, m)).Concat(Minutes(0, 5, m => Idle(OtherH100, m)).Where(w => w.WindowStart < At(120) || w.WindowStart >= At(300)));

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.GpuMissing, finding.Kind);
        Assert.AreEqual(OtherH100.Uuid, finding.GpuUuid);
        Assert.AreEqual(3, finding.Count);
        Assert.AreEqual(Start.AddSeconds(120), finding.FirstSeen);
        Assert.AreEqual(Start.AddSeconds(300), finding.LastSeen);
        Assert.DoesNotContain("still silent", finding.Detail);
    }

    [TestMethod]
    public void AGapShorterThanTheSettingIsNoFinding()
    {
        var windows = Minutes(0, 5, m => Idle(H100, m)).Concat(Minutes(0, 5, m => Idle(OtherH100, m)).Where(w => w.WindowStart != At(120) && w.WindowStart != At(180)));

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
        Assert.ContainsSingle(HealthAnalyzer.Analyze(windows, new HealthOptions { StaleWindows = 2 }));
    }

    [TestMethod]
    public void ANodeThatFallsSilentWhileOthersReportIsAStaleAgentNotMissingGpus()
    {
        var windows = Minutes(0, 5, m => Idle(H100, m)).Concat(Minutes(0, 1, m => Idle(Node2H100, m)));

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.AgentStale, finding.Kind);
        Assert.AreEqual("node-2", finding.Node);
        Assert.IsNull(finding.GpuUuid);
        Assert.AreEqual(4, finding.Count);
        Assert.Contains("still silent at the end of the period", finding.Detail);
        Assert.Contains("telemetry agent", finding.Action);
    }

    [TestMethod]
    public void AGpuIsNotMissingBeforeItFirstReports()
    {
        var windows = Minutes(0, 5, m => Idle(H100, m)).Concat(Minutes(4, 5, m => Idle(OtherH100, m)));

        Assert.IsEmpty(HealthAnalyzer.Analyze(windows));
    }

    [TestMethod]
    public void AnExpectedNodeThatNeverReportedIsAMissingAgent()
    {
        var windows = Minutes(0, 5, m => Idle(H100, m));

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows, new HealthOptions { ExpectedNodes = ["node-1", "node-9"] }));

        Assert.AreEqual(HealthKinds.AgentMissing, finding.Kind);
        Assert.AreEqual("node-9", finding.Node);
        Assert.AreEqual(6, finding.Count);
        Assert.AreEqual(Start, finding.FirstSeen);
        Assert.AreEqual(Start.AddMinutes(6), finding.LastSeen);
    }
}
