using System.Text.Json.Serialization;

namespace Telemetry.Api.Scoping;

/// <summary>One claim of the principal.</summary>
internal sealed class ClientClaimJson
{
    [JsonPropertyName("typ")]
    public string? Type { get; set; }

    [JsonPropertyName("val")]
    public string? Value { get; set; }
}
