namespace Telemetry.Analytics.Health;

/// <summary>The power a GPU model draws idle and at most, to tell from power alone whether it works.</summary>
/// <param name="Match">Text the product name contains (case-insensitive); the first matching profile wins.</param>
/// <param name="IdleWatts">Power of the idle GPU.</param>
/// <param name="TdpWatts">Thermal design power, the most it draws.</param>
public sealed record GpuPowerProfile(string Match, double IdleWatts, double TdpWatts);
