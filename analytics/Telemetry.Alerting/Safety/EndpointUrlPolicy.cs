using System.Net;

namespace Telemetry.Alerting.Safety;

/// <summary>
/// Checks a webhook URL when it is configured: absolute, HTTPS (plain HTTP only where the endpoint allows it), no
/// credentials in it, and, when its host is an IP address in any form the URL parser accepts (<c>2130706433</c>,
/// <c>0x7f.1</c>, <c>[::ffff:127.0.0.1]</c>), an allowed one. Host names are checked when connecting, by
/// <see cref="GuardedConnector"/>.
/// </summary>
public static class EndpointUrlPolicy
{
    /// <summary>Why a URL may not be a webhook endpoint, or null when it may.</summary>
    public static string? Refusal(string? url, bool allowInsecureHttp, bool allowPrivateNetwork)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "must be an absolute URL such as https://hooks.example.com/alerts";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && allowInsecureHttp))
        {
            return uri.Scheme == Uri.UriSchemeHttp
                ? "must use https (plain http only with AllowInsecureHttp, for local development)"
                : $"must use https (was '{uri.Scheme}')";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials; the signature authenticates the sender";
        }

        // Uri normalizes decimal, octal and hex IPv4 forms to dotted quads, so this sees what a connection would.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address)
            && AddressPolicy.Refusal(address, allowPrivateNetwork) is { } why)
        {
            return $"points at {address}, {why}";
        }

        return null;
    }
}
