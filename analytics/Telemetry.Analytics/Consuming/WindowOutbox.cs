using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// Closed windows on their way to the sinks. A writer thread of its own writes each to the ledger and then to InfluxDB
/// (when configured), in window order, so that the consumer goes on reading while a window is written instead of
/// waiting for files and HTTP round trips. A window leaves the outbox only when both sinks have it and the consumer has
/// collected it (<see cref="Collect"/>, which calls <see cref="Written"/> on the consumer's thread). A sink that fails
/// keeps the window here and is tried again after a backoff (1 s, doubling to 30 s). Until a window is written, the
/// offsets it was built from are not safe to commit (<see cref="LowestNeededOffset"/>): a restart replays exactly what is
/// not written. The consumer pauses its partitions while a sink fails or too many windows wait, so memory stays bounded.
/// </summary>
internal sealed class WindowOutbox : IDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);
    private readonly LedgerWriter _ledger;
    private readonly InfluxWindowSink? _influx;
    private readonly Func<PipelineSnapshot> _pipeline;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    // Windows not yet in every sink, oldest first (the first may be being written); windows written, not yet collected.
    private readonly Queue<Pending> _unwritten = new();
    private readonly Queue<ClosedWindow> _written = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _writer;
    private TimeSpan _backoff = FirstBackoff;
    private bool _failing;
    private bool _retryNow;
    private long _failures;
    private int _writtenSinceFailure;
    private ExceptionDispatchInfo? _fault;

    public WindowOutbox(LedgerWriter ledger, InfluxWindowSink? influx, Func<PipelineSnapshot> pipeline, ILogger logger, TimeProvider time)
    {
        _ledger = ledger;
        _influx = influx;
        _pipeline = pipeline;
        _logger = logger;
        _time = time;
    }

    /// <summary>Called on the consumer's thread, from <see cref="Collect"/>, with each window once every sink has it, in window order.</summary>
    public Action<ClosedWindow>? Written { get; set; }

    /// <summary>Windows not yet in every sink, or in every sink but not yet collected.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _unwritten.Count + _written.Count;
            }
        }
    }

    /// <summary>Whether the last attempt failed and the writer is waiting to try again.</summary>
    public bool Failing => Volatile.Read(ref _failing);

    /// <summary>Hands windows to the writer.</summary>
    public void Add(IReadOnlyList<ClosedWindow> windows)
    {
        if (windows.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var window in windows)
            {
                _unwritten.Enqueue(new Pending(window));
            }

            Monitor.PulseAll(_gate);
        }

        if (_writer is null)
        {
            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "window writer" };
            _writer.Start();
        }
    }

    /// <summary>
    /// Calls <see cref="Written"/> with the windows written since the last call, on the caller's thread; rethrows here
    /// what stopped the writer that no retry can mend (a manifest this ledger did not write, say).
    /// </summary>
    /// <returns>Whether the outbox is empty.</returns>
    public bool Collect()
    {
        while (true)
        {
            ClosedWindow next;
            lock (_gate)
            {
                _fault?.Throw();
                if (!_written.TryDequeue(out next!))
                {
                    return _unwritten.Count == 0;
                }
            }

            Written?.Invoke(next);
        }
    }

    /// <summary>
    /// Waits until the outbox is written or an attempt fails (or <paramref name="cancellationToken"/> is cancelled), then
    /// collects. With <paramref name="retryNow"/> a failed attempt's backoff is cut short.
    /// </summary>
    /// <returns>Whether the outbox is empty.</returns>
    public bool Drain(bool retryNow, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var failures = _failures;
            _retryNow |= retryNow;
            Monitor.PulseAll(_gate);
            while (_unwritten.Count > 0 && _failures == failures && _fault is null && !cancellationToken.IsCancellationRequested && !_stop.IsCancellationRequested)
            {
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(50));
            }
        }

        return Collect();
    }

    /// <summary>The lowest offset of this partition that a window not yet written holds, or null when none does.</summary>
    public long? LowestNeededOffset(SourcePartition source)
    {
        long? lowest = null;
        lock (_gate)
        {
            foreach (var pending in _unwritten)
            {
                foreach (var s in pending.Window.Sources ?? [])
                {
                    if (s.Topic == source.Topic && s.Partition == source.Partition && (lowest is null || s.FirstOffset < lowest))
                    {
                        lowest = s.FirstOffset;
                    }
                }
            }
        }

        return lowest;
    }

    /// <summary>Stops the writer; windows not written stay unwritten (their offsets were never committed).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        _writer?.Join(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }

    private void WriteLoop()
    {
        try
        {
            WriteUntilStopped(_stop.Token);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _fault = ExceptionDispatchInfo.Capture(e);
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void WriteUntilStopped(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Pending next;
            lock (_gate)
            {
                while (_unwritten.Count == 0 && !token.IsCancellationRequested)
                {
                    Monitor.Wait(_gate);
                }

                if (token.IsCancellationRequested)
                {
                    return;
                }

                next = _unwritten.Peek();
                _retryNow = false;
            }

            if (TryWrite(next, token))
            {
                bool empty;
                lock (_gate)
                {
                    _unwritten.Dequeue();
                    _written.Enqueue(next.Window);
                    empty = _unwritten.Count == 0;
                    Monitor.PulseAll(_gate);
                }

                _writtenSinceFailure++;
                if (empty && Volatile.Read(ref _failing))
                {
                    Log.SinkRecovered(_logger, _influx?.Target ?? _ledger.Directory, _writtenSinceFailure);
                    Volatile.Write(ref _failing, false);
                    _backoff = FirstBackoff;
                }

                continue;
            }

            _writtenSinceFailure = 0;
            var failedAt = _time.GetTimestamp();
            lock (_gate)
            {
                _failures++;
                Monitor.PulseAll(_gate);
                while (!_retryNow && !token.IsCancellationRequested && _time.GetElapsedTime(failedAt) < _backoff)
                {
                    Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Clamp((_backoff - _time.GetElapsedTime(failedAt)).TotalMilliseconds, 1, 1000)));
                }
            }

            _backoff = _backoff * 2 < LongestBackoff ? _backoff * 2 : LongestBackoff;
        }
    }

    private bool TryWrite(Pending next, CancellationToken cancellationToken)
    {
        var sink = _ledger.Directory;
        try
        {
            if (!next.InLedger)
            {
                _ledger.Write(next.Window);
                next.InLedger = true;
            }

            if (_influx is not null && !next.InInflux)
            {
                sink = _influx.Target;
                _influx.WriteAsync(next.Window, _pipeline(), cancellationToken).GetAwaiter().GetResult();
                next.InInflux = true;
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InfluxUnavailableException
            || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Log.SinkWriteFailed(_logger, DateTimeOffset.FromUnixTimeMilliseconds(next.Window.Start), sink, e.Message);
            Volatile.Write(ref _failing, true);
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
