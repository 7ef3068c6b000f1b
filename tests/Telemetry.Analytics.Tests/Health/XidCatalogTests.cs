using Telemetry.Analytics.Health;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class XidCatalogTests
{
    [TestMethod]
    public void Xid48IsACriticalMemoryErrorWhoseActionIsAGpuReset()
    {
        var xid = XidCatalog.Find(48);

        Assert.AreEqual(HealthSeverity.Critical, xid.Severity);
        Assert.AreEqual(XidCategory.Memory, xid.Category);
        Assert.AreEqual("ROBUST_CHANNEL_GPU_ECC_DBE", xid.Mnemonic);
        Assert.Contains("reset it (nvidia-smi -r)", xid.Action);
    }

    [TestMethod]
    public void Xid79IsCriticalAndSaysToDrainPowerCycleAndReseat()
    {
        var xid = XidCatalog.Find(79);

        Assert.AreEqual(HealthSeverity.Critical, xid.Severity);
        Assert.AreEqual("RESTART_BM", xid.ResolutionBucket);
        Assert.StartsWith("Drain the node", xid.Action);
        Assert.Contains("power-cycle", xid.Action);
        Assert.Contains("reseat", xid.Action);
    }

    [TestMethod]
    [DataRow(13L)]
    [DataRow(31L)]
    [DataRow(43L)]
    public void ApplicationXidsSendTheSreToTheApplicationNotTheGpu(long code)
    {
        var xid = XidCatalog.Find(code);

        Assert.AreEqual(XidCategory.Application, xid.Category);
        Assert.StartsWith("Check the application", xid.Action);
        Assert.AreNotEqual(HealthSeverity.Critical, xid.Severity);
    }

    [TestMethod]
    public void AnUnknownXidGetsAGenericEntryThatPointsToNvidiasCatalog()
    {
        var xid = XidCatalog.Find(9999);

        Assert.IsFalse(XidCatalog.Entries.ContainsKey(9999));
        Assert.AreEqual(9999L, xid.Code);
        Assert.AreEqual("unknown XID: see NVIDIA's XID catalog", xid.Description);
        Assert.AreEqual(HealthSeverity.Warning, xid.Severity);
        Assert.Contains(XidCatalog.CatalogUrl, xid.Action);
        Assert.Contains("9999", xid.Action);
    }

    [TestMethod]
    public void TheCommonXidsAreAllInTheCatalogUnderTheirOwnCode()
    {
        long[] common = [13, 31, 32, 38, 43, 45, 48, 61, 62, 63, 64, 68, 69, 74, 79, 92, 94, 95, 109, 119, 120, 121, 140, 143];

        var missing = common.Where(code => !XidCatalog.Entries.ContainsKey(code)).ToList();

        Assert.IsEmpty(missing, "Missing: " + string.Join(", ", missing));
        Assert.IsTrue(XidCatalog.Entries.All(p => p.Key == p.Value.Code && p.Value.Description.Length > 0 && p.Value.Action.Length > 0));
    }

    [TestMethod]
    public void SeverityFollowsNvidiasResolutionBucketExceptWhereTheCatalogSaysWhy()
    {
        var mismatched = XidCatalog.Entries.Values
            .Where(x => x.Code is not (61 or 154))
            .Where(x => x.Severity != x.ResolutionBucket switch
            {
                "IGNORE" or "WORKFLOW_XID_45" => HealthSeverity.Info,
                "RESTART_APP" => HealthSeverity.Warning,
                _ => HealthSeverity.Critical,
            })
            .Select(x => x.Code)
            .ToList();

        Assert.IsEmpty(mismatched, "Severity does not follow the bucket for: " + string.Join(", ", mismatched));
    }
}
