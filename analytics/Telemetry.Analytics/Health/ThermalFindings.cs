using System.Globalization;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>Throttling seconds and memory (HBM) temperature above its limit, one finding of each per GPU.</summary>
internal static class ThermalFindings
{
    private const string CoolingAction =
        "Check the GPU's cooling: airflow or liquid loop, inlet temperature, fans and pumps, heatsink contact.";

    private const string PowerAction =
        "Check the node's power: supply health and the power brake (EDPp) signal; compare the power cap (nvidia-smi -q -d POWER) with the TDP.";

    public static IEnumerable<HealthFinding> Of(GpuSeries gpu, HealthOptions options)
    {
        if (Throttling(gpu, options) is { } throttling)
        {
            yield return throttling;
        }

        if (HbmTemperature(gpu, options) is { } hot)
        {
            yield return hot;
        }
    }

    private static HealthFinding? Throttling(GpuSeries gpu, HealthOptions options)
    {
        List<GpuWindow> throttled = [.. gpu.Windows.Where(w => w.ThrottleSeconds > 0)];
        if (throttled.Count == 0)
        {
            return null;
        }

        var seconds = throttled.Sum(w => w.ThrottleSeconds);
        var observed = gpu.Windows.Sum(w => (w.WindowEnd - w.WindowStart) / 1000.0 * w.Coverage);
        var share = observed > 0 ? Math.Min(1, seconds / observed) : 1;
        var thermal = Split(throttled, w => w.ThermalThrottleSeconds);
        var power = Split(throttled, w => w.PowerThrottleSeconds);
        // Findings are report and InfluxDB text: the same digits on every machine, whatever its culture.
        var detail = string.Create(CultureInfo.InvariantCulture, $"clocks held down by thermal slowdown or the power brake for {seconds:0} s of {observed:0} s observed ({share:P1})")
            + (thermal is null && power is null ? "" : string.Create(CultureInfo.InvariantCulture, $": {thermal ?? 0:0} s thermal, {power ?? 0:0} s power brake"));
        var action = Action(thermal, power);
        var severity = share >= options.ThrottleWarningShare ? HealthSeverity.Warning : HealthSeverity.Info;
        return gpu.Finding(HealthKinds.Throttling, severity, detail, action, throttled, throttled.Count);
    }

    // Where the aggregator splits the seconds, the larger part decides; otherwise both causes are possible.
    private static string Action(double? thermal, double? power) => (thermal, power) switch
    {
        (null, null) => $"{CoolingAction} {PowerAction}",
        _ when (thermal ?? 0) > (power ?? 0) => CoolingAction,
        _ when (power ?? 0) > (thermal ?? 0) => PowerAction,
        _ => $"{CoolingAction} {PowerAction}",
    };

    private static double? Split(List<GpuWindow> windows, Func<GpuWindow, double?> part) =>
        windows.Any(w => part(w) is not null) ? windows.Sum(w => part(w) ?? 0) : null;

    private static HealthFinding? HbmTemperature(GpuSeries gpu, HealthOptions options)
    {
        var limit = options.HbmTempLimitFor(gpu.Model);
        List<GpuWindow> hot = [.. gpu.Windows.Where(w => w.MemoryTempMax > limit)];
        if (hot.Count == 0)
        {
            return null;
        }

        var highest = hot.Max(w => w.MemoryTempMax!.Value);
        return gpu.Finding(HealthKinds.HbmTemperature, HealthSeverity.Warning,
            string.Create(CultureInfo.InvariantCulture, $"memory (HBM) temperature above its {limit:0} °C limit in {GpuSeries.Count(hot.Count, "window")}, highest {highest:0.#} °C"),
            $"{CoolingAction} Above this limit the GPU slows its memory down, so memory-bound jobs lose throughput.",
            hot, hot.Count);
    }
}
