namespace Telemetry.Alerting.Rules;

/// <summary>A temperature (a window's maximum) above a limit in consecutive windows.</summary>
public sealed class TemperatureRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The limit in °C. HBM default 95 °C: the "Memory Max Operating Temp" nvidia-smi reports for A100 and H100, above
    /// which the GPU slows its memory. GPU default 87 °C: around the H100's slowdown temperature; set it from
    /// <c>nvidia-smi -q -d TEMPERATURE</c> ("GPU Slowdown Temp") for the fleet's models.
    /// </summary>
    public double LimitCelsius { get; set; }

    /// <summary>How long it must stay above the limit before the alert fires. Default 5 minutes; zero fires on the first window.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromMinutes(5);
}
