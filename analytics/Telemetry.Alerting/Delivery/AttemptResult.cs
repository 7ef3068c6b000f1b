namespace Telemetry.Alerting.Delivery;

/// <summary>How one delivery attempt ended.</summary>
internal readonly record struct AttemptResult(AttemptOutcome Outcome, string Reason, TimeSpan? RetryAfter = null)
{
    public static AttemptResult Delivered(string reason) => new(AttemptOutcome.Delivered, reason);

    public static AttemptResult Retry(string reason, TimeSpan? retryAfter = null) => new(AttemptOutcome.Retry, reason, retryAfter);

    public static AttemptResult Permanent(string reason) => new(AttemptOutcome.Permanent, reason);
}

/// <summary>Delivered, worth retrying, or never going to succeed.</summary>
internal enum AttemptOutcome
{
    Delivered,
    Retry,
    Permanent,
}
