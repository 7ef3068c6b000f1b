using System.Globalization;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>Data that cannot be right or is incomplete: profiling that contradicts power, an XID that never clears, low coverage.</summary>
internal static class DataQualityFindings
{
    public static IEnumerable<HealthFinding> Of(GpuSeries gpu, HealthOptions options) =>
        new[] { ProfilingZeroWhileBusy(gpu, options), LowCoverage(gpu, options) }.OfType<HealthFinding>().Concat(StuckXid(gpu, options));

    private static HealthFinding? ProfilingZeroWhileBusy(GpuSeries gpu, HealthOptions options)
    {
        if (options.PowerProfileFor(gpu.Model) is not { } profile)
        {
            return null;
        }

        var busyWatts = profile.IdleWatts + (options.BusyPowerFraction * (profile.TdpWatts - profile.IdleWatts));
        List<GpuWindow> contradicting = [.. gpu.Windows.Where(w => w.Samples > 0 && w.PowerMean >= busyWatts && ProfilingIdle(w))];
        if (contradicting.Count == 0)
        {
            return null;
        }

        var missing = contradicting.All(w => w.SmActiveMax is null && w.TensorActiveMean is null);
        var detail = string.Create(CultureInfo.InvariantCulture, $"mean power at or above {busyWatts:0} W, busy for the {profile.Match} power profile, while SM and tensor activity ")
            + (missing ? "were missing" : "read zero") + $" for whole windows, in {GpuSeries.Count(contradicting.Count, "window")}";
        return gpu.Finding(HealthKinds.ProfilingZeroWhileBusy, HealthSeverity.Warning, detail,
            "Check DCGM profiling on the node: dcgm-exporter with the DCP metrics enabled, and no other profiler (Nsight, CUPTI) holding the "
            + "counters. Until it works, this GPU's TFLOPS per watt and waste classes are unreliable.",
            contradicting, contradicting.Count);
    }

    private static bool ProfilingIdle(GpuWindow w) => (w.SmActiveMax ?? 0) == 0 && (w.TensorActiveMean ?? 0) == 0;

    // One finding per stretch: a gauge that clears and sticks again is two stretches.
    private static IEnumerable<HealthFinding> StuckXid(GpuSeries gpu, HealthOptions options) =>
        WindowRuns.By(gpu.Windows, w => w.XidGauge is > 0 ? w.XidGauge : null)
            .Where(run => run.Count >= options.StuckXidWindows)
            .Select(run => StuckXid(gpu, run));

    private static HealthFinding StuckXid(GpuSeries gpu, List<GpuWindow> run)
    {
        var code = run[0].XidGauge!.Value;
        return gpu.Finding(HealthKinds.XidGaugeStuck, HealthSeverity.Info,
            $"the XID field held {code} in every one of {GpuSeries.Count(run.Count, "window")} in a row: it keeps the last XID until the "
            + "driver or DCGM restarts, so it is counted once, when it first appeared",
            $"Act on XID {code} itself (see its own finding); the value clears when the GPU is reset or DCGM restarts.",
            run, run.Count);
    }

    private static HealthFinding? LowCoverage(GpuSeries gpu, HealthOptions options)
    {
        List<GpuWindow> thin = [.. gpu.Windows.Where(w => w.Coverage < options.MinCoverage)];
        if (thin.Count == 0)
        {
            return null;
        }

        return gpu.Finding(HealthKinds.LowCoverage, HealthSeverity.Info,
            string.Create(CultureInfo.InvariantCulture, $"samples covered less than {options.MinCoverage:P0} of {GpuSeries.Count(thin.Count, "window")} (lowest {thin.Min(w => w.Coverage):P0})"),
            "Check the agent on the node: collector errors and timeouts, its sampling interval, and batches reaching Kafka. Figures of these "
            + "windows rest on fewer samples.",
            thin, thin.Count);
    }
}
