using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telemetry.Alerting.Webhooks;

/// <summary>
/// Signs webhook bodies as Standard Webhooks specifies (https://www.standardwebhooks.com/): the signature is <c>v1,</c>
/// and the base64 of HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> with the secret's key bytes.
/// </summary>
public sealed class WebhookSigner
{
    private readonly byte[] _key;

    /// <summary>A signer with a <c>whsec_</c> secret.</summary>
    /// <exception cref="FormatException">The secret is not a valid secret.</exception>
    public WebhookSigner(string secret) => _key = WebhookSecret.Decode(secret);

    /// <summary>The headers of one attempt at a time.</summary>
    public WebhookHeaders Sign(string messageId, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new WebhookHeaders(messageId, timestamp, Signature(messageId, timestamp, body));
    }

    /// <summary>The <c>v1,</c> signature of a body for an id and a timestamp as sent (Unix seconds).</summary>
    public string Signature(string messageId, string timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(_key, messageId, timestamp, body));

    /// <summary>HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.</summary>
    internal static byte[] Mac(byte[] key, string messageId, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{messageId}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
