namespace Telemetry.Alerting.Webhooks;

/// <summary>The Standard Webhooks headers of one delivery attempt.</summary>
/// <param name="Id">The message id, the same on every retry: receivers deduplicate by it.</param>
/// <param name="Timestamp">Unix seconds of the attempt, as sent.</param>
/// <param name="Signature">The <c>webhook-signature</c> value: <c>v1,</c> and the base64 HMAC-SHA256.</param>
public sealed record WebhookHeaders(string Id, string Timestamp, string Signature)
{
    /// <summary>The message id header.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The signature header (space-separated <c>v1,…</c> signatures).</summary>
    public const string SignatureHeader = "webhook-signature";
}
