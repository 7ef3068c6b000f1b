using System.Text.Json.Serialization;

namespace Telemetry.Api.Scoping;

/// <summary>Reads the principal header's JSON, shallow and strict.</summary>
[JsonSourceGenerationOptions(MaxDepth = 8)]
[JsonSerializable(typeof(ClientPrincipalJson))]
internal sealed partial class ClientPrincipalJsonContext : JsonSerializerContext;
