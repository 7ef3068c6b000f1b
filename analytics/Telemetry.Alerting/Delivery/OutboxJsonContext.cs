using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemetry.Alerting.Delivery;

/// <summary>Source-generated JSON of outbox files: camelCase, indented so that an operator can read a failed one.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(OutboxEntry))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
