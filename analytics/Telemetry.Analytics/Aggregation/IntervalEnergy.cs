using Telemetry.Analytics.Gpus;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// The energy of one interval from both sources: the counter's delta (a counter that went down was reset by a driver
/// reload, unless it wrapped at 2^32, which a plausible delta shows) and the trapezoid of power, not bridged over gaps.
/// </summary>
internal readonly record struct IntervalEnergy(double? CounterJoules, double? IntegratedJoules, bool Reset, bool Wrapped, bool Gap)
{
    private const double Wrap32 = 4294967296.0;
    private const double MaxPlausibleWatts = 5000;

    /// <summary>The energy charged: the counter's where it has one, otherwise the integral, otherwise none.</summary>
    public double Joules => CounterJoules ?? IntegratedJoules ?? 0;

    /// <param name="start">The sample that opens the interval.</param>
    /// <param name="endTime">The closing sample's time (Unix ms).</param>
    /// <param name="endEnergyMilliJoules">The closing sample's energy counter, if it has one.</param>
    /// <param name="endPower">The closing sample's power, NaN when it has none.</param>
    /// <param name="maxGapMs">The longest interval power is integrated over.</param>
    public static IntervalEnergy Of(in SampleSnapshot start, long endTime, long? endEnergyMilliJoules, double endPower, long maxGapMs)
    {
        var seconds = (endTime - start.Time) / 1000.0;
        double? counter = null;
        bool reset = false, wrapped = false;
        if (endEnergyMilliJoules is { } end && start.EnergyMilliJoules is { } begin)
        {
            if (end >= begin)
            {
                counter = (end - begin) / 1000.0;
            }
            else if (begin < Wrap32 && Wrap32 - begin + end <= MaxPlausibleWatts * 1000 * seconds)
            {
                counter = (Wrap32 - begin + end) / 1000.0;
                wrapped = true;
            }
            else
            {
                reset = true;
            }
        }

        var gap = endTime - start.Time > maxGapMs;
        double? integrated = !gap && !double.IsNaN(endPower) && !double.IsNaN(start.Power) ? (start.Power + endPower) / 2 * seconds : null;
        return new IntervalEnergy(counter, integrated, reset, wrapped, gap);
    }
}
