using System.Globalization;
using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// A figure of a GPU window past a threshold in consecutive windows lasting at least the rule's duration: memory and
/// GPU temperature, thermal throttling.
/// </summary>
internal sealed class ThresholdRule(string alertName, TimeSpan lasting, AlertFactory factory, Func<GpuWindow, WindowContext, bool> holds, Func<GpuRef, GpuWindow, string, AlertText> text)
    : IAlertRule
{
    private const string CoolingAction =
        "Check the GPU's cooling: airflow or liquid loop, inlet temperature, fans and pumps, heatsink contact; move work off the GPU if it keeps rising.";

    private readonly RunTracker<(string, string, int?)> _runs = new();

    public static ThresholdRule HbmTemperature(TemperatureRuleOptions options, AlertFactory factory) => new(
        AlertNames.GpuHbmTemperatureHigh, options.For, factory, (w, _) => w.MemoryTempMax > options.LimitCelsius, (gpu, w, lasted) => new(
            Invariant($"Memory (HBM) of {gpu.Describe()} at {w.MemoryTempMax:0.#} °C, above {options.LimitCelsius:0.#} °C"),
            Invariant($"The memory temperature of {gpu.Describe()} has been above its {options.LimitCelsius:0.#} °C limit for {lasted}; ")
            + Invariant($"highest in the last window {w.MemoryTempMax:0.#} °C. Above it the GPU slows its memory down."),
            CoolingAction));

    public static ThresholdRule GpuTemperature(TemperatureRuleOptions options, AlertFactory factory) => new(
        AlertNames.GpuTemperatureHigh, options.For, factory, (w, _) => w.GpuTempMax > options.LimitCelsius, (gpu, w, lasted) => new(
            Invariant($"{gpu.Describe()} at {w.GpuTempMax:0.#} °C, above {options.LimitCelsius:0.#} °C"),
            Invariant($"The temperature of {gpu.Describe()} has been above {options.LimitCelsius:0.#} °C for {lasted}; highest in the last window ")
            + Invariant($"{w.GpuTempMax:0.#} °C. Near its slowdown temperature the GPU lowers its clocks."),
            CoolingAction));

    public static ThresholdRule Throttling(ThrottlingRuleOptions options, AlertFactory factory) => new(
        AlertNames.GpuThermalThrottling, options.For, factory, (w, c) => ThermalSeconds(w) >= options.MinShare * c.Seconds, (gpu, w, lasted) => new(
            $"{gpu.Describe()} thermally throttled for {lasted}",
            Invariant($"{gpu.Describe()} has had its clocks held down by thermal slowdown for at least {options.MinShare:P0} of every window for {lasted}; ")
            + Invariant($"{ThermalSeconds(w):0} s in the last window") + (w.ThermalThrottleSeconds is null ? " (throttling not split by cause: all of it counted)." : "."),
            CoolingAction + " Throttled jobs lose throughput while drawing the same power."));

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        foreach (var w in context.Window.Gpus)
        {
            if (!holds(w, context))
            {
                continue;
            }

            var gpu = GpuRef.Of(w);
            var since = _runs.Hold(gpu.Key, context.Start);
            if (context.HasLasted(since, lasting))
            {
                firing.Add(factory.ForGpu(alertName, AlertSeverity.Warning, AlertFactory.Time(since),
                    text(gpu, w, Durations.Between(since, context.End)), gpu, context.TeamOf(gpu.JobId)));
            }
        }

        _runs.EndWindow(context.End);
    }

    // Where the aggregator does not split throttling by cause, all of it counts.
    private static double ThermalSeconds(GpuWindow w) => w.ThermalThrottleSeconds ?? w.ThrottleSeconds;

    // Receivers read these texts, and scripts match on them: the same figures whatever the aggregator's culture.
    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
