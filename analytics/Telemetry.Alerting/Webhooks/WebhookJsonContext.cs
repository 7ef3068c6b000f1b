using System.Text.Json.Serialization;

namespace Telemetry.Alerting.Webhooks;

/// <summary>Source-generated JSON of the webhook payload: compact, times as RFC 3339 in UTC.</summary>
[JsonSourceGenerationOptions(Converters = [typeof(Rfc3339TimeConverter)])]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
