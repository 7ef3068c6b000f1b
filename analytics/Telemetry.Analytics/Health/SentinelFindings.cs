using System.Collections.Frozen;

namespace Telemetry.Analytics.Health;

/// <summary>Values the collectors received as DCGM's or NVML's "no value" sentinels, one finding per node and field.</summary>
internal static class SentinelFindings
{
    // Fields that energy, health or efficiency figures rest on: blanks there are a warning, elsewhere information.
    private static readonly FrozenSet<string> NeededFields = FrozenSet.ToFrozenSet(
        ["power_usage", "total_energy", "xid", "ecc_dbe_volatile", "gpu_temp", "memory_temp", "clocks_event_reasons", "sm_active", "tensor_active"],
        StringComparer.Ordinal);

    public static IEnumerable<HealthFinding> Of(IEnumerable<SentinelCount> counts) =>
        counts
            .Where(c => c.Count > 0)
            .GroupBy(c => (c.Node, c.Field))
            .Select(Finding);

    private static HealthFinding Finding(IGrouping<(string Node, string Field), SentinelCount> counts)
    {
        var total = counts.Sum(c => c.Count);
        var reasons = string.Join(", ", counts
            .GroupBy(c => c.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Count))
            .Select(g => $"{g.Key} {g.Sum(c => c.Count)}"));
        var severity = NeededFields.Contains(counts.Key.Field) ? HealthSeverity.Warning : HealthSeverity.Info;
        return new HealthFinding(counts.Key.Node, null, null, HealthKinds.SentinelValues, severity,
            $"{GpuSeries.Count(total, "value")} of {counts.Key.Field} came as \"no value\" sentinels and were dropped ({reasons})",
            "The field is not supported on this GPU or driver, or DCGM was not ready (profiling fields need DCGM's profiling module): "
            + "check the collector and driver on the node, or stop collecting the field.",
            counts.Min(c => c.From), counts.Max(c => c.To), total);
    }
}
