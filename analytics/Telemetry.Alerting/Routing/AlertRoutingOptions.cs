namespace Telemetry.Alerting.Routing;

/// <summary>
/// How alerts are grouped into notifications and how often a group is notified, as Alertmanager's route settings;
/// bound from <c>Alerting:Routing</c>. Defaults are Alertmanager's, except grouping by node as well as alert name.
/// </summary>
public sealed class AlertRoutingOptions
{
    /// <summary>The configuration section the routing settings are bound from.</summary>
    public const string SectionName = "Alerting:Routing";

    /// <summary>The labels grouped by (Alertmanager's <c>group_by</c>). Null or empty means the default: alertname and node.</summary>
    public IList<string>? GroupBy { get; set; }

    /// <summary>How long a new group waits for more alerts before its first notification. Default 30 seconds.</summary>
    public TimeSpan GroupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a notification a group waits before notifying about changes (new or resolved alerts). Default 5 minutes.</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a notification an unchanged firing group is notified again. Default 4 hours.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Whether resolved alerts are notified (Alertmanager's <c>send_resolved</c>). Default true.</summary>
    public bool SendResolved { get; set; } = true;

    /// <summary>The most alerts one notification carries; the rest are counted in <c>truncatedAlerts</c>. Default 0: no limit.</summary>
    public int MaxAlerts { get; set; }

    /// <summary>The <c>externalURL</c> of notifications: where people can see the alerts (the API or dashboard). Default none (empty).</summary>
    public Uri? ExternalUrl { get; set; }

    /// <summary>The labels grouped by, with the default applied.</summary>
    public IReadOnlyList<string> EffectiveGroupBy => GroupBy is { Count: > 0 } names ? [.. names] : [AlertLabels.AlertName, AlertLabels.Node];
}
