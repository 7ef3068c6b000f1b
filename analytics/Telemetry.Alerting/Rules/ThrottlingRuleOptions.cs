namespace Telemetry.Alerting.Rules;

/// <summary>
/// Thermal throttling for at least a share of each window, for consecutive windows. Where the aggregator does not split
/// throttling by cause, all throttle seconds count.
/// </summary>
public sealed class ThrottlingRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of a window's time (0 to 1) thermally throttled that counts. Default 0.25.</summary>
    public double MinShare { get; set; } = 0.25;

    /// <summary>How long it must hold before the alert fires. Default 10 minutes.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromMinutes(10);
}
