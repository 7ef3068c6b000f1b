using Microsoft.Extensions.Logging;
using Telemetry.Alerting;
using Telemetry.Analytics.Ledger;

namespace Telemetry.Functions;

/// <summary>
/// Follows the ledger for the alert timer: each run reads the windows written since the last one, feeds them to the
/// rules in order and lets the pipeline send what is due. The cursor (the start of the last window observed) and the
/// alert state live in memory, per worker instance: a new or recycled instance starts again from
/// <c>lookback</c> before now, and an instance that never runs the timer lists no open alerts.
/// </summary>
/// <param name="reader">The ledger; null when <c>Ledger:Directory</c> is not set, and then the feed does nothing.</param>
/// <param name="pipeline">The alert pipeline; null when alerting is not configured, and then the feed does nothing.</param>
/// <param name="time">The clock.</param>
/// <param name="lookback">How far back the first run reads.</param>
/// <param name="logger">Where each run is logged.</param>
internal sealed class LedgerAlertFeed(LedgerReader? reader, AlertPipeline? pipeline, TimeProvider time, TimeSpan lookback, ILogger<LedgerAlertFeed> logger) : IDisposable
{
    /// <summary>How far back the first run reads when <c>Alerting:Timer:Lookback</c> is not set.</summary>
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The start of the last window observed, Unix milliseconds; null before the first.</summary>
    public long? Cursor { get; private set; }

    /// <summary>Observes the windows written since the last run, then ticks the pipeline; returns how many windows it observed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (reader is null || pipeline is null)
        {
            Log.FeedOff(logger, reader is null ? "Ledger:Directory" : "Alerting");
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var windows = LedgerWindows.Between(reader, Cursor ?? now - (long)lookback.TotalMilliseconds, now).ToList();
            // The writer writes a window's tables one after another, its fleet row last: the newest window without one
            // may be half written, so it waits for the next run (or for a later window to prove it complete).
            if (windows.Count > 0 && windows[^1].Fleet is null)
            {
                windows.RemoveAt(windows.Count - 1);
            }

            foreach (var window in windows)
            {
                pipeline.Observe(window);
                Cursor = window.Start;
            }

            var delivered = await pipeline.TickAsync(cancellationToken).ConfigureAwait(false);
            Log.Fed(logger, windows.Count, pipeline.Open.Count, delivered);
            return windows.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
