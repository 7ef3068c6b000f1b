using System.Text.Json.Serialization;

namespace Telemetry.Api.Scoping;

/// <summary>The decoded <c>X-MS-CLIENT-PRINCIPAL</c> header, as App Service writes it.</summary>
internal sealed class ClientPrincipalJson
{
    [JsonPropertyName("auth_typ")]
    public string? AuthType { get; set; }

    [JsonPropertyName("claims")]
    public List<ClientClaimJson?>? Claims { get; set; }

    [JsonPropertyName("name_typ")]
    public string? NameType { get; set; }

    [JsonPropertyName("role_typ")]
    public string? RoleType { get; set; }
}
