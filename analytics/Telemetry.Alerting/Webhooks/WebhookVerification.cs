namespace Telemetry.Alerting.Webhooks;

/// <summary>What a receiver's check of a webhook found.</summary>
public enum WebhookVerification
{
    /// <summary>A signature matches and the timestamp is within tolerance.</summary>
    Valid,

    /// <summary>A header is missing or empty.</summary>
    MissingHeader,

    /// <summary>The timestamp is not a whole number of seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance allows (a replay).</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>No signature matches: a changed body, id or timestamp, or another secret.</summary>
    InvalidSignature,
}
