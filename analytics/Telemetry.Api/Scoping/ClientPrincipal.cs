using System.Text.Json;
using Telemetry.Api.Http;

namespace Telemetry.Api.Scoping;

/// <summary>
/// The caller as App Service authentication describes it in the <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of a JSON
/// object with <c>auth_typ</c>, <c>claims</c> (<c>typ</c>, <c>val</c>), <c>name_typ</c> and <c>role_typ</c>.
/// </summary>
public sealed class ClientPrincipal
{
    /// <summary>The header App Service authentication sets (and strips from what clients send).</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The name claim type when <c>name_typ</c> is absent.</summary>
    public const string DefaultNameType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

    /// <summary>The role claim type when <c>role_typ</c> is absent.</summary>
    public const string DefaultRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    // Entra ID tokens carry roles and groups under these short names as well as under the mapped URIs.
    private static readonly string[] RoleTypes = ["roles", DefaultRoleType];
    private static readonly string[] GroupTypes = ["groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"];

    private ClientPrincipal(string authType, IReadOnlyList<string> names, IReadOnlyList<string> roles, IReadOnlyList<string> groups)
    {
        AuthType = authType;
        Names = names;
        Roles = roles;
        Groups = groups;
    }

    /// <summary>The identity provider, such as <c>aad</c>.</summary>
    public string AuthType { get; }

    /// <summary>Values of the name claim.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Values of role claims.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Values of group claims.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>
    /// Parses the header's value. Anything but base64 of a JSON object of the documented shape, longer than
    /// <see cref="RequestLimits.MaxPrincipalHeaderLength"/> or with more than <see cref="RequestLimits.MaxClaims"/> claims
    /// is refused.
    /// </summary>
    public static bool TryParse(string? header, out ClientPrincipal? principal)
    {
        principal = null;
        if (string.IsNullOrEmpty(header) || header.Length > RequestLimits.MaxPrincipalHeaderLength)
        {
            return false;
        }

        var bytes = new byte[header.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(header.Trim(), bytes, out var written))
        {
            return false;
        }

        ClientPrincipalJson? json;
        try
        {
            json = JsonSerializer.Deserialize(bytes.AsSpan(0, written), ClientPrincipalJsonContext.Default.ClientPrincipalJson);
        }
        catch (JsonException)
        {
            return false;
        }

        if (json?.Claims is not { } claims || claims.Count > RequestLimits.MaxClaims)
        {
            return false;
        }

        var nameType = string.IsNullOrEmpty(json.NameType) ? DefaultNameType : json.NameType;
        var roleType = string.IsNullOrEmpty(json.RoleType) ? DefaultRoleType : json.RoleType;
        principal = new ClientPrincipal(
            json.AuthType ?? "",
            Values(claims, t => string.Equals(t, nameType, StringComparison.OrdinalIgnoreCase)),
            Values(claims, t => string.Equals(t, roleType, StringComparison.OrdinalIgnoreCase) || RoleTypes.Contains(t, StringComparer.OrdinalIgnoreCase)),
            Values(claims, t => GroupTypes.Contains(t, StringComparer.OrdinalIgnoreCase)));
        return true;
    }

    private static string[] Values(List<ClientClaimJson?> claims, Func<string, bool> ofType) =>
        [.. claims.Where(c => c?.Type is { } t && ofType(t) && !string.IsNullOrEmpty(c.Value)).Select(c => c!.Value!).Distinct(StringComparer.Ordinal)];
}
