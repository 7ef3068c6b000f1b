using System.Text.Json.Serialization;

namespace Telemetry.Alerting.Webhooks;

/// <summary>One alert in a <see cref="WebhookPayload"/>, as Alertmanager writes it.</summary>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">Identifying labels, sorted by name.</param>
/// <param name="Annotations">Summary, description, action, runbook link.</param>
/// <param name="StartsAt">When the condition started (RFC 3339, UTC).</param>
/// <param name="EndsAt">When it was resolved; <c>0001-01-01T00:00:00Z</c> while it fires, as Alertmanager writes it.</param>
/// <param name="GeneratorUrl">A link back to where the alert can be seen, or empty.</param>
/// <param name="Fingerprint">Alertmanager's fingerprint of the labels.</param>
public sealed record WebhookAlert(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl,
    [property: JsonPropertyName("fingerprint")] string Fingerprint);
