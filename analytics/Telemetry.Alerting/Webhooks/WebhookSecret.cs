namespace Telemetry.Alerting.Webhooks;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> followed by the base64 of the key bytes (the prefix may be left
/// out, as the reference libraries allow).
/// </summary>
public static class WebhookSecret
{
    /// <summary>The prefix of a secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>The key bytes of a secret.</summary>
    /// <exception cref="FormatException">The secret is empty or not base64; the message never holds the secret.</exception>
    public static byte[] Decode(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new FormatException($"A webhook secret must be '{Prefix}' followed by base64 of the key bytes.");
        }

        return key.Length > 0 ? key : throw new FormatException("A webhook secret must not be empty.");
    }

    /// <summary>A new secret of 32 random bytes, for an operator to configure on both ends.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
