using System.Globalization;

namespace Telemetry.Alerting.Delivery;

/// <summary>One pending (or failed) delivery, as its outbox file holds it.</summary>
/// <param name="Id">The <c>webhook-id</c>, the same on every attempt.</param>
/// <param name="Endpoint">The endpoint's name.</param>
/// <param name="GroupKey">The notification's group, for logs.</param>
/// <param name="Status">The notification's status, for logs.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttemptAt">When the next attempt is due.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="Body">The payload exactly as sent and signed (JSON).</param>
/// <param name="FailureReason">Why it was given up on (in <c>failed/</c> only).</param>
/// <param name="FailedAt">When it was given up on.</param>
internal sealed record OutboxEntry(
    string Id,
    string Endpoint,
    string GroupKey,
    string Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string Body,
    string? FailureReason = null,
    DateTimeOffset? FailedAt = null)
{
    /// <summary>The file name: creation time first, so that a listing reads in order.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{Id}.json");
}
