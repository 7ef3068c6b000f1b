using Telemetry.Alerting.Delivery;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting;

/// <summary>
/// Alerting as one piece for a host: closed windows go through the rules (<see cref="Observe"/>), and on every
/// <see cref="TickAsync"/> the notifications that grouping says are due go to the webhook outbox, which delivers what
/// is due. The firing alerts can be read from any thread (<see cref="Open"/>) for the API. The aggregator host calls it
/// from its loop, the Functions app from its timer.
/// </summary>
public sealed class AlertPipeline(AlertEvaluator evaluator, AlertDispatcher dispatcher, WebhookOutbox outbox)
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Alert> _open = [];

    /// <summary>The alerts firing after the last window observed, newest first.</summary>
    public IReadOnlyList<Alert> Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <summary>What the outbox has delivered, retried and given up.</summary>
    public WebhookOutboxCounters Deliveries => outbox.Counters;

    /// <summary>Evaluates the rules over one closed window (in window order) with the pipeline's counts, and hands the firing set to grouping.</summary>
    public void Observe(ClosedWindow window, PipelineCounts? counts = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (_lock)
        {
            var firing = evaluator.Evaluate(window, counts);
            dispatcher.Update(firing);
            _open = [.. firing.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Fingerprint, StringComparer.Ordinal)];

            // What grouping says is due now is queued at once (a group wait of zero means this window), not at the next tick.
            QueueDue();
        }
    }

    /// <summary>Queues the notifications now due and delivers what the outbox has due; returns how many deliveries succeeded.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            QueueDue();
        }

        return await outbox.DeliverDueAsync(cancellationToken).ConfigureAwait(false);
    }

    private void QueueDue()
    {
        foreach (var notification in dispatcher.Tick())
        {
            outbox.Enqueue(notification);
        }
    }
}
