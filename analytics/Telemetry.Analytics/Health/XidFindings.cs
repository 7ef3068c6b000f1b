using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>XID errors, one finding per GPU and code, with NVIDIA's meaning and action.</summary>
internal static class XidFindings
{
    // A window knows how many XIDs appeared in it and the last code only: its events go to that code.
    public static IEnumerable<HealthFinding> Of(GpuSeries gpu) =>
        gpu.Windows
            .Where(w => w.XidCount > 0 && w.XidLast != 0)
            .GroupBy(w => w.XidLast)
            .Select(g => Finding(gpu, XidCatalog.Find(g.Key), [.. g]));

    private static HealthFinding Finding(GpuSeries gpu, XidEntry xid, List<GpuWindow> seen)
    {
        var events = seen.Sum(w => (long)w.XidCount);
        var detail = $"XID {xid.Code} {xid.Mnemonic}: {xid.Description}. {GpuSeries.Count(events, "event")} in {GpuSeries.Count(seen.Count, "window")}; "
            + $"NVIDIA's immediate action: {xid.ResolutionBucket}.";
        return gpu.Finding(HealthKinds.Xid, xid.Severity, detail, xid.Action, seen, events);
    }
}
