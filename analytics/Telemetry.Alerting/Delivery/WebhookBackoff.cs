namespace Telemetry.Alerting.Delivery;

/// <summary>
/// Exponential backoff with jitter: the n-th retry waits between half and all of base × 2^(n−1), capped, so that
/// endpoints recovering from an outage are not hit by every sender at once.
/// </summary>
internal static class WebhookBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan max, Random random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }
}
