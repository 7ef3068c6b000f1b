namespace Telemetry.Alerting.Delivery;

/// <summary>The outbox's accounting. Written by deliveries, read from any thread.</summary>
public sealed class WebhookOutboxCounters
{
    private long _enqueued, _delivered, _retried, _failed;

    /// <summary>Deliveries written to the outbox (one per notification and endpoint).</summary>
    public long Enqueued => Interlocked.Read(ref _enqueued);

    /// <summary>Deliveries a receiver accepted (2xx).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Failed attempts scheduled for a retry.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Deliveries given up on and moved to <c>failed/</c>.</summary>
    public long FailedPermanently => Interlocked.Read(ref _failed);

    internal void AddEnqueued() => Interlocked.Increment(ref _enqueued);
    internal void AddDelivered() => Interlocked.Increment(ref _delivered);
    internal void AddRetried() => Interlocked.Increment(ref _retried);
    internal void AddFailed() => Interlocked.Increment(ref _failed);
}
