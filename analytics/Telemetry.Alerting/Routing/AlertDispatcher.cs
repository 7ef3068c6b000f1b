using Microsoft.Extensions.Logging;

namespace Telemetry.Alerting.Routing;

/// <summary>
/// Alert state as Alertmanager keeps it: alerts grouped by label values, a group's first notification delayed by the
/// group wait, changes notified at most every group interval, an unchanged firing group repeated after the repeat
/// interval, and resolved alerts notified once before they are forgotten. Feed it the complete set of firing alerts
/// with <see cref="Update(IEnumerable{Alert})"/>; <see cref="Tick()"/> returns the notifications due. Thread-safe.
/// </summary>
public sealed class AlertDispatcher
{
    private readonly AlertRoutingOptions _options;
    private readonly IReadOnlyList<string> _groupBy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, AlertGroup> _groups = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>A dispatcher with these settings, validated first.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public AlertDispatcher(AlertRoutingOptions options, TimeProvider time, ILogger<AlertDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        AlertRoutingOptionsValidator.ThrowIfInvalid(options);
        _options = options;
        _groupBy = options.EffectiveGroupBy;
        _time = time;
        _logger = logger;
    }

    /// <summary>The groups held now (with firing alerts, or resolved ones not yet notified).</summary>
    public int GroupCount
    {
        get
        {
            lock (_lock)
            {
                return _groups.Count;
            }
        }
    }

    /// <summary>Takes the complete set of alerts firing now, at the clock's time.</summary>
    public void Update(IEnumerable<Alert> firing) => Update(firing, _time.GetUtcNow());

    /// <summary>
    /// Takes the complete set of alerts firing at <paramref name="now"/>: new alerts join (or open) their group, known ones
    /// are refreshed, and held alerts missing from the set are resolved at <paramref name="now"/>.
    /// </summary>
    public void Update(IEnumerable<Alert> firing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(firing);
        lock (_lock)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alert in firing)
            {
                if (alert.IsResolved || !seen.Add(alert.Fingerprint))
                {
                    continue;
                }

                var labels = AlertGroup.LabelsOf(alert, _groupBy);
                var key = AlertGroup.KeyOf(labels);
                if (!_groups.TryGetValue(key, out var group))
                {
                    group = new AlertGroup(key, labels, now + _options.GroupWait);
                    _groups.Add(key, group);
                    Log.GroupOpened(_logger, key);
                }

                group.Alerts[alert.Fingerprint] = alert;
            }

            foreach (var group in _groups.Values)
            {
                foreach (var alert in group.Alerts.Values.Where(a => !a.IsResolved && !seen.Contains(a.Fingerprint)).ToList())
                {
                    group.Alerts[alert.Fingerprint] = alert.Resolve(now);
                }
            }
        }
    }

    /// <summary>The notifications due at the clock's time.</summary>
    public IReadOnlyList<AlertNotification> Tick() => Tick(_time.GetUtcNow());

    /// <summary>
    /// Flushes every group whose time has come and returns the notifications due, at most one per group. Each flushed
    /// group waits a group interval for its next flush; resolved alerts are forgotten once flushed, and a group left
    /// empty is removed.
    /// </summary>
    public IReadOnlyList<AlertNotification> Tick(DateTimeOffset now)
    {
        lock (_lock)
        {
            var due = new List<AlertNotification>();
            foreach (var group in _groups.Values.Where(g => g.NextFlush <= now).ToList())
            {
                if (Flush(group, now) is { } notification)
                {
                    due.Add(notification);
                }

                group.NextFlush = now + _options.GroupInterval;
                foreach (var resolved in group.Alerts.Values.Where(a => a.IsResolved).ToList())
                {
                    group.Alerts.Remove(resolved.Fingerprint);
                }

                if (group.Alerts.Count == 0)
                {
                    _groups.Remove(group.Key);
                }
            }

            return due;
        }
    }

    private AlertNotification? Flush(AlertGroup group, DateTimeOffset now)
    {
        List<Alert> firing = [.. group.Alerts.Values.Where(a => !a.IsResolved).OrderBy(a => a.StartsAt).ThenBy(a => a.Fingerprint, StringComparer.Ordinal)];
        List<Alert> resolved = [.. group.Alerts.Values.Where(a => a.IsResolved).OrderBy(a => a.StartsAt).ThenBy(a => a.Fingerprint, StringComparer.Ordinal)];
        if (!NeedsNotification(group, firing, resolved, now))
        {
            return null;
        }

        group.LastNotified = now;
        group.LastFiring = [.. firing.Select(a => a.Fingerprint)];
        group.LastResolved = [.. resolved.Select(a => a.Fingerprint)];
        List<Alert> alerts = [.. firing, .. _options.SendResolved ? resolved : []];
        if (alerts.Count == 0)
        {
            // Every alert resolved and resolved alerts are not sent: the log is cleared, nothing goes out.
            return null;
        }

        var truncated = _options.MaxAlerts > 0 && alerts.Count > _options.MaxAlerts ? alerts.Count - _options.MaxAlerts : 0;
        var status = firing.Count > 0 ? NotificationStatus.Firing : NotificationStatus.Resolved;
        Log.Notifying(_logger, group.Key, status, firing.Count, resolved.Count);
        return new AlertNotification(group.Key, group.Labels, status, alerts[..(alerts.Count - truncated)], truncated,
            _options.ExternalUrl?.AbsoluteUri ?? "");
    }

    // Alertmanager's DedupStage.needsUpdate.
    private bool NeedsNotification(AlertGroup group, List<Alert> firing, List<Alert> resolved, DateTimeOffset now)
    {
        if (group.LastNotified is not { } last)
        {
            // Alerts that fired and resolved before the group's first notification were never seen by the receiver.
            return firing.Count > 0;
        }

        if (firing.Exists(a => !group.LastFiring.Contains(a.Fingerprint)))
        {
            return true;
        }

        if (firing.Count == 0)
        {
            return group.LastFiring.Count > 0;
        }

        if (_options.SendResolved && resolved.Exists(a => !group.LastResolved.Contains(a.Fingerprint)))
        {
            return true;
        }

        return now - last >= _options.RepeatInterval;
    }
}
