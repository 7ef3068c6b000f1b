using System.Text.Json.Serialization;

namespace Telemetry.Contract.Messages;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(AllocationEvent))]
[JsonSerializable(typeof(ThroughputEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
