namespace Telemetry.Alerting.Routing;

/// <summary>The status of a notification or an alert in it, as Alertmanager writes it.</summary>
public static class NotificationStatus
{
    /// <summary>At least one alert fires.</summary>
    public const string Firing = "firing";

    /// <summary>Every alert is resolved.</summary>
    public const string Resolved = "resolved";
}
