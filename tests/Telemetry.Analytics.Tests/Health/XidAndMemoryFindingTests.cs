using Telemetry.Analytics.Health;
using static Telemetry.Analytics.Tests.Health.HealthWindows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class XidAndMemoryFindingTests
{
    [TestMethod]
    public void AHealthyGpuIdleAndUnderRealLoadHasNoFindings()
    {
        var windows = Minutes(0, 2, m => Idle(H100, m)).Concat(Minutes(3, 5, m => Burn(H100, m)));

        var findings = HealthAnalyzer.Analyze(windows);

        Assert.IsEmpty(findings);
    }

    [TestMethod]
    public void XidsBecomeOneFindingPerCodeWithTheCatalogsSeverityAndAction()
    {
        var windows = Minutes(0, 4, m => m switch
        {
            1 or 2 => Burn(H100, m) with { XidCount = 1, XidLast = 48 },
            3 => Idle(H100, m) with { XidCount = 2, XidLast = 13 },
            _ => Idle(H100, m),
        });

        var findings = HealthAnalyzer.Analyze(windows);

        Assert.HasCount(2, findings);
        var dbe = findings[0];
        Assert.AreEqual(HealthKinds.Xid, dbe.Kind);
        Assert.AreEqual(HealthSeverity.Critical, dbe.Severity);
        Assert.AreEqual(2, dbe.Count);
        Assert.AreEqual(H100.Uuid, dbe.GpuUuid);
        Assert.AreEqual(Start.AddSeconds(60), dbe.FirstSeen);
        Assert.AreEqual(Start.AddSeconds(180), dbe.LastSeen);
        Assert.StartsWith("XID 48 ROBUST_CHANNEL_GPU_ECC_DBE", dbe.Detail);
        Assert.AreEqual(XidCatalog.Find(48).Action, dbe.Action);
        var app = findings[1];
        Assert.AreEqual(HealthSeverity.Warning, app.Severity);
        Assert.AreEqual(2, app.Count);
        Assert.StartsWith("Check the application", app.Action);
    }

    [TestMethod]
    public void AnXidOutsideTheCatalogIsReportedWithTheGenericEntry()
    {
        var windows = Minutes(0, 1, m => Idle(H100, m) with { XidCount = m, XidLast = m == 1 ? 4242 : 0 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthSeverity.Warning, finding.Severity);
        Assert.Contains("unknown XID", finding.Detail);
        Assert.Contains(XidCatalog.CatalogUrl, finding.Action);
    }

    [TestMethod]
    public void DoubleBitEccErrorsAreCriticalAndCounted()
    {
        var windows = Minutes(0, 3, m => Burn(H100, m) with { EccDbeErrors = m switch { 1 => 2, 3 => 1, _ => 0 } });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.EccDoubleBit, finding.Kind);
        Assert.AreEqual(HealthSeverity.Critical, finding.Severity);
        Assert.AreEqual(3, finding.Count);
        Assert.AreEqual(Start.AddSeconds(60), finding.FirstSeen);
        Assert.AreEqual(Start.AddSeconds(240), finding.LastSeen);
        Assert.Contains("nvidia-smi -r", finding.Action);
    }

    [TestMethod]
    public void RowsRemappedAfterUncorrectableErrorsWaitForAReset()
    {
        var windows = Minutes(0, 2, m => Idle(H100, m) with { UncorrectableRemappedRows = m == 2 ? 1 : 0 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.RowRemapPending, finding.Kind);
        Assert.AreEqual(HealthSeverity.Warning, finding.Severity);
        Assert.AreEqual(1, finding.Count);
        Assert.StartsWith("Reset the GPU", finding.Action);
    }

    [TestMethod]
    public void ARowRemapFailureIsCriticalAndSaysToReplaceTheGpu()
    {
        var windows = Minutes(0, 4, m => Idle(H100, m) with { RowRemapFailure = m >= 2 ? 1 : 0 });

        var finding = Assert.ContainsSingle(HealthAnalyzer.Analyze(windows));

        Assert.AreEqual(HealthKinds.RowRemapFailure, finding.Kind);
        Assert.AreEqual(HealthSeverity.Critical, finding.Severity);
        Assert.AreEqual(3, finding.Count);
        Assert.Contains("replace the GPU", finding.Action);
    }

    [TestMethod]
    public void FindingsComeMostSevereFirst()
    {
        var windows = Minutes(0, 3, m => m switch
        {
            0 => Idle(H100, m) with { Coverage = 0.3 },
            3 => Idle(H100, m) with { XidCount = 1, XidLast = 79 },
            _ => Idle(H100, m),
        });

        var findings = HealthAnalyzer.Analyze(windows);

        CollectionAssert.AreEqual(new[] { HealthKinds.Xid, HealthKinds.LowCoverage }, findings.Select(f => f.Kind).ToArray());
        Assert.AreEqual(HealthSeverity.Critical, findings[0].Severity);
    }
}
