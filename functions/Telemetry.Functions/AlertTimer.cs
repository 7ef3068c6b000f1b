using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Telemetry.Functions;

/// <summary>Every minute, feeds the windows the aggregator wrote to the ledger to the alert rules and sends what is due.</summary>
/// <param name="feed">The ledger follower, a singleton holding the cursor and alert state of this worker instance.</param>
/// <param name="logger">Where a late run is logged.</param>
internal sealed class AlertTimer(LedgerAlertFeed feed, ILogger<AlertTimer> logger)
{
    /// <summary>Runs at the start of every minute.</summary>
    [Function("alert-timer")]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            Log.TimerLate(logger);
        }

        await feed.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
