namespace Telemetry.Alerting;

/// <summary>The values of the <see cref="AlertLabels.Severity"/> label.</summary>
public static class AlertSeverity
{
    /// <summary>Take the GPU or node out of service now.</summary>
    public const string Critical = "critical";

    /// <summary>Needs a look soon: waste, heat, missing data, a budget crossed.</summary>
    public const string Warning = "warning";
}
