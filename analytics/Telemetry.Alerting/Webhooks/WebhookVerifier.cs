using System.Globalization;
using System.Security.Cryptography;

namespace Telemetry.Alerting.Webhooks;

/// <summary>
/// Checks a webhook on the receiving side, as Standard Webhooks specifies: the timestamp within a tolerance of the
/// receiver's clock, both ways, and one of the space-separated <c>v1,</c> signatures equal, compared in constant time,
/// to the HMAC of <c>{id}.{timestamp}.{body}</c>. Pass the body exactly as received, before any parsing.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>The default tolerance: 5 minutes either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    /// <summary>A verifier of a <c>whsec_</c> secret.</summary>
    /// <param name="secret">The endpoint's secret.</param>
    /// <param name="time">The receiver's clock; the system clock when null.</param>
    /// <param name="tolerance">How far the timestamp may be from now either way; <see cref="DefaultTolerance"/> when null.</param>
    /// <exception cref="FormatException">The secret is not a valid secret.</exception>
    public WebhookVerifier(string secret, TimeProvider? time = null, TimeSpan? tolerance = null)
    {
        _key = WebhookSecret.Decode(secret);
        _time = time ?? TimeProvider.System;
        _tolerance = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(_tolerance, TimeSpan.Zero, nameof(tolerance));
    }

    /// <summary>Checks the three headers' values against the body.</summary>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signatures">The <c>webhook-signature</c> header.</param>
    /// <param name="body">The raw body.</param>
    public WebhookVerification Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerification.MissingHeader;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.InvalidTimestamp;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)_tolerance.TotalSeconds;
        if (seconds < now - tolerance)
        {
            return WebhookVerification.TimestampTooOld;
        }

        if (seconds > now + tolerance)
        {
            return WebhookVerification.TimestampTooNew;
        }

        var expected = WebhookSigner.Mac(_key, id, timestamp, body);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith("v1,", StringComparison.Ordinal) && Matches(candidate.AsSpan(3), expected))
            {
                return WebhookVerification.Valid;
            }
        }

        return WebhookVerification.InvalidSignature;
    }

    /// <summary>Checks a delivery's headers against the body.</summary>
    public WebhookVerification Verify(WebhookHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(headers.Id, headers.Timestamp, headers.Signature, body);
    }

    private static bool Matches(ReadOnlySpan<char> base64, byte[] expected)
    {
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64Chars(base64, given, out var written)
            && CryptographicOperations.FixedTimeEquals(given[..written], expected);
    }
}
