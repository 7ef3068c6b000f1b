using System.Text.Encodings.Web;
using System.Text.Json;
using Telemetry.Alerting.Routing;

namespace Telemetry.Alerting.Webhooks;

/// <summary>Builds and serializes webhook payloads from notifications.</summary>
public static class WebhookPayloads
{
    /// <summary>The payload format version, Alertmanager's current one.</summary>
    public const string Version = "4";

    // Escaping as Go's encoder does for the characters that matter here: quotes as \", non-ASCII text as UTF-8. The body
    // is JSON for machines, never embedded in HTML, so HTML-sensitive characters need no \u escapes.
    private static readonly JsonSerializerOptions Compact = new(WebhookJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };

    /// <summary>The payload of a notification for one receiver.</summary>
    /// <param name="notification">The group's notification.</param>
    /// <param name="receiver">The endpoint's name.</param>
    public static WebhookPayload Build(AlertNotification notification, string receiver)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(receiver);
        var alerts = notification.Alerts;
        return new WebhookPayload(
            Version,
            notification.GroupKey,
            notification.TruncatedAlerts,
            notification.Status,
            receiver,
            new SortedDictionary<string, string>(notification.GroupLabels.ToDictionary(), StringComparer.Ordinal),
            Common(alerts.Select(a => a.Labels)),
            Common(alerts.Select(a => a.Annotations)),
            notification.ExternalUrl,
            [.. alerts.Select(ToWebhook)]);
    }

    /// <summary>The payload as compact UTF-8 JSON: the exact bytes sent and signed.</summary>
    public static byte[] Serialize(WebhookPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, Compact.GetTypeInfo(typeof(WebhookPayload)));

    /// <summary>The payload as indented JSON, for people (documentation, logs).</summary>
    public static string SerializeIndented(WebhookPayload payload) =>
        JsonSerializer.Serialize(payload, Indented.GetTypeInfo(typeof(WebhookPayload)));

    /// <summary>Reads a payload, as a receiver would.</summary>
    public static WebhookPayload? Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, WebhookJsonContext.Default.WebhookPayload);

    private static WebhookAlert ToWebhook(Alert alert) => new(
        alert.IsResolved ? NotificationStatus.Resolved : NotificationStatus.Firing,
        alert.Labels,
        alert.Annotations,
        alert.StartsAt,
        alert.EndsAt ?? DateTimeOffset.MinValue,
        alert.GeneratorUrl,
        alert.Fingerprint);

    // The name/value pairs every set shares, as Alertmanager's commonLabels and commonAnnotations.
    private static SortedDictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> sets)
    {
        SortedDictionary<string, string>? common = null;
        foreach (var set in sets)
        {
            if (common is null)
            {
                common = new SortedDictionary<string, string>(set.ToDictionary(), StringComparer.Ordinal);
                continue;
            }

            foreach (var (name, value) in common.ToList())
            {
                if (!set.TryGetValue(name, out var other) || other != value)
                {
                    common.Remove(name);
                }
            }
        }

        return common ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
    }
}
