using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>
/// Health and data-quality findings over closed GPU windows: XIDs with NVIDIA's meaning and action, uncorrectable ECC
/// errors and row remapping, throttling, HBM temperature, and data that contradicts itself or is missing.
/// </summary>
/// <remarks>
/// Works with what the windows carry: a check whose fields a window lacks (older ledgers, collectors without
/// profiling) finds nothing there rather than guessing.
/// </remarks>
public static class HealthAnalyzer
{
    /// <summary>The findings, most severe first, then in time order.</summary>
    /// <param name="windows">GPU windows, any order (they are sorted by time per GPU).</param>
    /// <param name="options">Thresholds; the defaults when null.</param>
    /// <param name="sentinels">Blank values counted by the nodes' collectors, where the caller has them.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static IReadOnlyList<HealthFinding> Analyze(
        IEnumerable<GpuWindow> windows, HealthOptions? options = null, IEnumerable<SentinelCount>? sentinels = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        options ??= new HealthOptions();
        options.Validate();

        List<GpuWindow> rows = [.. windows];
        var gpus = GpuSeries.Split(rows);
        var findings = new List<HealthFinding>();
        foreach (var gpu in gpus)
        {
            findings.AddRange(XidFindings.Of(gpu));
            findings.AddRange(MemoryFindings.Of(gpu));
            findings.AddRange(ThermalFindings.Of(gpu, options));
            findings.AddRange(DataQualityFindings.Of(gpu, options));
        }

        findings.AddRange(PresenceFindings.Of(rows, gpus, options));
        findings.AddRange(SentinelFindings.Of(sentinels ?? []));
        return [.. findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.FirstSeen)
            .ThenBy(f => f.Node, StringComparer.Ordinal)
            .ThenBy(f => f.GpuIndex ?? -1)];
    }
}
