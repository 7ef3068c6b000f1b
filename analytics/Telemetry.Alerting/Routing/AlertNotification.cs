namespace Telemetry.Alerting.Routing;

/// <summary>A notification due for one group of alerts: what a receiver gets in one webhook call.</summary>
/// <param name="GroupKey">Identifies the group, as Alertmanager writes it: <c>{}:{alertname="GpuAllocatedIdle", node="node-a"}</c>.</param>
/// <param name="GroupLabels">The labels the group is keyed by.</param>
/// <param name="Status"><c>firing</c> while any alert fires, else <c>resolved</c> (<see cref="NotificationStatus"/>).</param>
/// <param name="Alerts">The alerts: firing ones first, then resolved ones (when resolved alerts are sent).</param>
/// <param name="TruncatedAlerts">Alerts left out by <see cref="AlertRoutingOptions.MaxAlerts"/>.</param>
/// <param name="ExternalUrl">Where people can see the alerts; empty when none is configured.</param>
public sealed record AlertNotification(
    string GroupKey,
    IReadOnlyDictionary<string, string> GroupLabels,
    string Status,
    IReadOnlyList<Alert> Alerts,
    int TruncatedAlerts,
    string ExternalUrl);
