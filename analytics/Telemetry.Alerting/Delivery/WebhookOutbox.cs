using System.Text;
using Microsoft.Extensions.Logging;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Safety;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Delivery;

/// <summary>
/// Delivers notifications to every configured endpoint, durably: each delivery is a file in the outbox directory
/// until a receiver accepts it or it is given up on (moved to <c>failed/</c> with the reason), so deliveries survive a
/// restart. Retries keep the delivery's <c>webhook-id</c> (receivers deduplicate by it) and sign each attempt anew.
/// Call <see cref="DeliverDueAsync"/> regularly (see <see cref="NextAttemptAt"/>); it makes one round at a time.
/// </summary>
public sealed class WebhookOutbox : IDisposable
{
    private readonly WebhookDeliveryOptions _options;
    private readonly Dictionary<string, WebhookEndpoint> _endpoints;
    private readonly OutboxStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random = new();
    private readonly Dictionary<string, OutboxEntry> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>An outbox over a directory, resolving endpoint hosts through the system's DNS.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public WebhookOutbox(WebhookDeliveryOptions options, IEnumerable<WebhookEndpointOptions> endpoints, TimeProvider time, ILogger<WebhookOutbox> logger)
        : this(options, endpoints, time, logger, new DnsHostResolver())
    {
    }

    /// <summary>An outbox over a directory, resolving endpoint hosts with <paramref name="resolver"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public WebhookOutbox(
        WebhookDeliveryOptions options, IEnumerable<WebhookEndpointOptions> endpoints, TimeProvider time, ILogger<WebhookOutbox> logger, IHostResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(resolver);
        List<WebhookEndpointOptions> list = [.. endpoints];
        WebhookOptionsValidator.ThrowIfInvalid(options);
        WebhookOptionsValidator.ThrowIfInvalid(list);
        _options = options;
        _time = time;
        _logger = logger;
        _endpoints = list.ToDictionary(e => e.Name!, e => new WebhookEndpoint(e, resolver, time), StringComparer.Ordinal);
        _store = new OutboxStore(options.Directory!);
        Load();
    }

    /// <summary>The outbox's accounting.</summary>
    public WebhookOutboxCounters Counters { get; } = new();

    /// <summary>Deliveries waiting for an attempt.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>When the earliest pending delivery is due; null when none is pending.</summary>
    public DateTimeOffset? NextAttemptAt
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count == 0 ? null : _pending.Values.Min(e => e.NextAttemptAt);
            }
        }
    }

    /// <summary>The directory of deliveries given up on.</summary>
    public string FailedDirectory => _store.FailedDirectory;

    /// <summary>Writes a delivery of the notification for every endpoint, due now; returns their webhook ids.</summary>
    public IReadOnlyList<string> Enqueue(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var now = _time.GetUtcNow();
        var ids = new List<string>(_endpoints.Count);
        foreach (var endpoint in _endpoints.Values)
        {
            var body = WebhookPayloads.Serialize(WebhookPayloads.Build(notification, endpoint.Name));
            var entry = new OutboxEntry(NewId(now), endpoint.Name, notification.GroupKey, notification.Status, now, 0, now, null, Encoding.UTF8.GetString(body));
            _store.Save(entry);
            lock (_lock)
            {
                _pending[entry.Id] = entry;
            }

            Counters.AddEnqueued();
            ids.Add(entry.Id);
        }

        return ids;
    }

    /// <summary>
    /// Attempts every delivery that is due, at most each endpoint's concurrency limit at once, and waits for them;
    /// returns how many were attempted. Cancellation leaves the deliveries in flight pending, their attempts uncounted.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            List<OutboxEntry> due;
            lock (_lock)
            {
                due = [.. _pending.Values.Where(e => e.NextAttemptAt <= now).OrderBy(e => e.CreatedAt)];
            }

            await Task.WhenAll(due.Select(e => DeliverAsync(e, cancellationToken))).ConfigureAwait(false);
            return due.Count;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var endpoint in _endpoints.Values)
        {
            endpoint.Dispose();
        }

        _round.Dispose();
    }

    private static string NewId(DateTimeOffset now) => "msg_" + Guid.CreateVersion7(now).ToString("N");

    private void Load()
    {
        var (entries, unreadable) = _store.Load();
        foreach (var (path, problem) in unreadable)
        {
            Log.OutboxFileUnreadable(_logger, path, problem, _store.QuarantineUnreadable(path, problem));
            Counters.AddFailed();
        }

        foreach (var entry in entries)
        {
            _pending[entry.Id] = entry;
        }

        if (entries.Count > 0)
        {
            Log.OutboxLoaded(_logger, entries.Count, _store.Directory);
        }
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            if (!_endpoints.TryGetValue(entry.Endpoint, out var endpoint))
            {
                Fail(entry, $"endpoint '{entry.Endpoint}' is no longer configured");
                return;
            }

            if (_time.GetUtcNow() - entry.CreatedAt >= _options.MaxAge)
            {
                Fail(entry, $"gave up after {entry.Attempts} attempts: older than {_options.MaxAge:c}; last error: {entry.LastError}");
                return;
            }

            await endpoint.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            AttemptResult result;
            try
            {
                result = await endpoint.SendAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                endpoint.Gate.Release();
            }

            Settle(entry with { Attempts = entry.Attempts + 1 }, result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // One delivery's trouble (a full disk, a bad request) never stops the round; it is tried again next round.
            Log.DeliveryError(_logger, error, entry.Id, entry.Endpoint);
        }
    }

    private void Settle(OutboxEntry entry, AttemptResult result)
    {
        switch (result.Outcome)
        {
            case AttemptOutcome.Delivered:
                _store.Delete(entry);
                Forget(entry);
                Counters.AddDelivered();
                Log.Delivered(_logger, entry.Id, entry.Endpoint, entry.GroupKey, entry.Status, entry.Attempts);
                break;
            case AttemptOutcome.Permanent:
                Fail(entry, result.Reason);
                break;
            default:
                Retry(entry, result);
                break;
        }
    }

    private void Retry(OutboxEntry entry, AttemptResult result)
    {
        var delay = result.RetryAfter is { } asked
            ? (asked < _options.MaxRetryAfter ? asked : _options.MaxRetryAfter)
            : WebhookBackoff.Delay(entry.Attempts, _options.BackoffBase, _options.BackoffMax, _random);
        var next = _time.GetUtcNow() + delay;
        if (entry.Attempts >= _options.MaxAttempts || next - entry.CreatedAt >= _options.MaxAge)
        {
            Fail(entry, $"gave up after {entry.Attempts} attempts; last error: {result.Reason}");
            return;
        }

        var retry = entry with { NextAttemptAt = next, LastError = result.Reason };
        _store.Save(retry);
        lock (_lock)
        {
            _pending[retry.Id] = retry;
        }

        Counters.AddRetried();
        Log.RetryScheduled(_logger, entry.Id, entry.Endpoint, entry.Attempts, result.Reason, delay.TotalSeconds);
    }

    private void Fail(OutboxEntry entry, string reason)
    {
        var path = _store.MoveToFailed(entry with { FailureReason = reason, FailedAt = _time.GetUtcNow() });
        Forget(entry);
        Counters.AddFailed();
        Log.DeliveryFailed(_logger, entry.Id, entry.Endpoint, entry.Attempts, reason, path);
    }

    private void Forget(OutboxEntry entry)
    {
        lock (_lock)
        {
            _pending.Remove(entry.Id);
        }
    }
}
