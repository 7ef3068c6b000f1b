using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// Closed windows on their way to the sinks: each is written to the ledger and then to InfluxDB (when configured), in
/// window order, and leaves the outbox only when both have it. A sink that fails keeps the window here and is tried
/// again after a backoff (1 s, doubling to 30 s); meanwhile the consumer stores no offsets and pauses its partitions,
/// so memory stays bounded and a restart replays exactly what was not written.
/// </summary>
internal sealed class WindowOutbox(LedgerWriter ledger, InfluxWindowSink? influx, Func<PipelineSnapshot> pipeline, ILogger logger, TimeProvider time)
{
    /// <summary>Called with each window once every sink has it, in window order.</summary>
    public Action<ClosedWindow>? Written { get; set; }

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);
    private readonly Queue<Pending> _pending = new();
    private TimeSpan _backoff = FirstBackoff;
    private long _nextAttempt;
    private bool _failing;

    /// <summary>Windows not yet in every sink.</summary>
    public int Count => _pending.Count;

    /// <summary>Whether the last attempt failed and the outbox is waiting to try again.</summary>
    public bool Failing => _failing;

    public void Add(IReadOnlyList<ClosedWindow> windows)
    {
        foreach (var window in windows)
        {
            _pending.Enqueue(new Pending(window));
        }
    }

    /// <summary>Writes what is pending, unless a failed attempt's backoff has not passed (ignored with <paramref name="now"/>).</summary>
    /// <returns>Whether the outbox is empty.</returns>
    public bool Flush(CancellationToken cancellationToken, bool now = false)
    {
        if (_pending.Count == 0)
        {
            return true;
        }

        if (_failing && !now && time.GetTimestamp() < _nextAttempt)
        {
            return false;
        }

        var written = 0;
        while (_pending.TryPeek(out var next))
        {
            if (!TryWrite(next, cancellationToken))
            {
                return false;
            }

            _pending.Dequeue();
            written++;
            Written?.Invoke(next.Window);
        }

        if (_failing)
        {
            Log.SinkRecovered(logger, influx?.Target ?? ledger.Directory, written);
            _failing = false;
            _backoff = FirstBackoff;
        }

        return true;
    }

    private bool TryWrite(Pending next, CancellationToken cancellationToken)
    {
        var sink = ledger.Directory;
        try
        {
            if (!next.InLedger)
            {
                ledger.Write(next.Window);
                next.InLedger = true;
            }

            if (influx is not null && !next.InInflux)
            {
                sink = influx.Target;
                influx.WriteAsync(next.Window, pipeline(), cancellationToken).GetAwaiter().GetResult();
                next.InInflux = true;
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InfluxUnavailableException
            || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.SinkWriteFailed(logger, DateTimeOffset.FromUnixTimeMilliseconds(next.Window.Start), sink, e.Message);
            _failing = true;
            _nextAttempt = time.GetTimestamp() + (long)(_backoff.TotalSeconds * time.TimestampFrequency);
            _backoff = _backoff * 2 < LongestBackoff ? _backoff * 2 : LongestBackoff;
            return false;
        }
    }

    private sealed class Pending(ClosedWindow window)
    {
        public ClosedWindow Window { get; } = window;

        public bool InLedger { get; set; }

        public bool InInflux { get; set; }
    }
}
