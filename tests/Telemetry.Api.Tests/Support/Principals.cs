using System.Text;
using System.Text.Json;

namespace Telemetry.Api.Tests.Support;

/// <summary>X-MS-CLIENT-PRINCIPAL header values as App Service authentication writes them.</summary>
internal static class Principals
{
    public const string NameType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public static string Header(string name, params (string Type, string Value)[] claims)
    {
        var json = new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = NameType, val = name } }.Concat(claims.Select(c => new { typ = c.Type, val = c.Value })).ToArray(),
            name_typ = NameType,
            role_typ = RoleType,
        };
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(json));
    }

    public static string Role(string name, string role) => Header(name, (RoleType, role));

    public static string Group(string name, string group) => Header(name, ("groups", group));
}
