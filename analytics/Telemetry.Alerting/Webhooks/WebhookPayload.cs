using System.Text.Json.Serialization;

namespace Telemetry.Alerting.Webhooks;

/// <summary>
/// The body of a webhook call: Alertmanager's webhook format, version 4, so that receivers built for Alertmanager
/// (PagerDuty, Opsgenie and chat bridges, custom handlers) take it as it is.
/// </summary>
/// <param name="Version">Always <c>4</c>.</param>
/// <param name="GroupKey">Identifies the group of alerts; stable across the group's notifications.</param>
/// <param name="TruncatedAlerts">Alerts left out of <paramref name="Alerts"/> by the routing's MaxAlerts.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Receiver">The endpoint's configured name.</param>
/// <param name="GroupLabels">The labels the group is keyed by.</param>
/// <param name="CommonLabels">Labels with the same value in every alert.</param>
/// <param name="CommonAnnotations">Annotations with the same value in every alert.</param>
/// <param name="ExternalUrl">Where people can see the alerts.</param>
/// <param name="Alerts">The alerts.</param>
public sealed record WebhookPayload(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("groupKey")] string GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int TruncatedAlerts,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receiver")] string Receiver,
    [property: JsonPropertyName("groupLabels")] IReadOnlyDictionary<string, string> GroupLabels,
    [property: JsonPropertyName("commonLabels")] IReadOnlyDictionary<string, string> CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] IReadOnlyDictionary<string, string> CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string ExternalUrl,
    [property: JsonPropertyName("alerts")] IReadOnlyList<WebhookAlert> Alerts);
