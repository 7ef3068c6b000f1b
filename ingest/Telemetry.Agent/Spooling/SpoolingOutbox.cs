using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Producing;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// Sends one agent's messages straight to Kafka while Kafka keeps up, and to the agent's <see cref="DiskSpool"/> while
/// it does not; sends the spool, oldest first, once Kafka acknowledges again.
/// <para>
/// Trouble is a retriable delivery error, a full producer queue, <see cref="SpoolOptions.MaxInFlightMessages"/>
/// messages unacknowledged, or one unacknowledged for <see cref="SpoolOptions.SpoolAfter"/>. On trouble every message
/// still in flight is written to the spool in the order it was produced, then every new message after it. Nothing
/// more is sent until every message in flight has settled; then one spooled message probes Kafka, and only its
/// acknowledgement opens the window to the rest. Once the spool is empty, messages go straight to Kafka again.
/// </para>
/// </summary>
internal sealed class SpoolingOutbox : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _agentId;
    private readonly DiskSpool _spool;
    private readonly SpoolOptions _options;
    private readonly AgentCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly KafkaHandOff _inFlight;
    private readonly SequenceFile _sequences;
    private readonly SpoolDrain _drain;
    private readonly ITimer _timer;
    private bool _spooling;
    private bool _flushing;
    private bool _stopped;
    private bool _closed;

    private SpoolingOutbox(string agentId, IProducer<string, byte[]> producer, DiskSpool spool, SpoolOptions options, AgentCounters counters, ILogger logger, TimeProvider time)
    {
        _agentId = agentId;
        _inFlight = new KafkaHandOff(producer, counters, time, _gate, OnReport);
        _spool = spool;
        _options = options;
        _counters = counters;
        _logger = logger;
        _time = time;
        _sequences = SequenceFile.Open(spool.Directory, spool.RecoveredSequences, logger);
        _drain = new SpoolDrain(agentId, spool, options, time, logger, TrySend);
        if (spool.Counts.Pending.Messages > 0)
        {
            // What a previous run left goes first, once a probe has found Kafka.
            _spooling = true;
            _drain.Suspect();
        }

        _timer = time.CreateTimer(_ => Tick(), null, options.DrainInterval, options.DrainInterval);
    }

    /// <summary>Opens the spool in <see cref="SpoolOptions.Directory"/> and starts sending what it holds.</summary>
    public static SpoolingOutbox Open(string agentId, IProducer<string, byte[]> producer, SpoolOptions options, AgentCounters counters, ILogger logger, TimeProvider time)
    {
        var spool = DiskSpool.Open(options, logger);
        try
        {
            return new SpoolingOutbox(agentId, producer, spool, options, counters, logger, time);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <summary>The last sequence number given out on <paramref name="topic"/> by this agent; 0 when none.</summary>
    public long LastSequence(string topic)
    {
        lock (_gate)
        {
            return _sequences.Last(topic);
        }
    }

    /// <summary>Sends a new message straight to Kafka, or spools it behind what waits already.</summary>
    public void Send(string topic, Message<string, byte[]> message, int rows, long seq)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _counters.Produced(rows);
            _sequences.Remember(topic, seq);
            var entry = new InFlightMessage(topic, message, rows, seq);
            if (!_flushing && !_stopped)
            {
                LeaveSpoolingIfDone();
                if (!_spooling && _inFlight.DirectCount >= _options.MaxInFlightMessages)
                {
                    Trouble($"Kafka is slow: {_inFlight.DirectCount} messages unacknowledged");
                }

                if (!_spooling && TrySend(entry))
                {
                    return;
                }
            }

            SpoolNew(entry);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for what is in flight, sending nothing new meanwhile (new messages are
    /// spooled), then makes sure that whatever is still unacknowledged is in the spool, on the device. Returns how many
    /// messages are still in flight.
    /// </summary>
    public int Flush(TimeSpan timeout)
    {
        var started = _time.GetTimestamp();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _flushing = true;
        }

        try
        {
            _inFlight.WaitUntilEmpty(timeout);
            var seconds = _time.GetElapsedTime(started).TotalSeconds;
            lock (_gate)
            {
                if (!_spooling && _inFlight.DirectCount > 0)
                {
                    Trouble("Kafka did not acknowledge everything within the flush");
                }

                _spool.Sync();
                _sequences.Save(sync: true);
                if (_inFlight.Count > 0)
                {
                    Log.LeftInSpool(_logger, _agentId, seconds, _inFlight.Count);
                }

                return _inFlight.Count;
            }
        }
        finally
        {
            lock (_gate)
            {
                _flushing = false;
            }
        }
    }

    /// <summary>Bytes of the spool's segment files on disk.</summary>
    public long SpoolBytes => _spool.Counts.Bytes;

    /// <summary>Where every message is now.</summary>
    public DeliveryBalance Balance()
    {
        lock (_gate)
        {
            var counts = _spool.Counts;
            return _counters.Balance(counts.Recovered, counts.Pending, counts.Dropped);
        }
    }

    /// <summary>Stops sending, flushes for at most <see cref="SpoolOptions.FlushTimeout"/>, then closes the spool.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed || _stopped)
            {
                return;
            }

            _stopped = true;
        }

        Flush(_options.FlushTimeout);
        _timer.Dispose();
        lock (_gate)
        {
            _closed = true;
            _inFlight.Close();
            _spool.Dispose();
        }

        _inFlight.Dispose();
    }

    private static bool IsPermanent(Error error) => error.Code is ErrorCode.MsgSizeTooLarge or ErrorCode.InvalidMsgSize
        or ErrorCode.InvalidMsg or ErrorCode.RecordListTooLarge or ErrorCode.InvalidRecord;

    private void Tick()
    {
        lock (_gate)
        {
            if (_flushing || _stopped)
            {
                return;
            }

            try
            {
                if (!_spooling)
                {
                    SpoolIfSlow();
                }
                else if (!LeaveSpoolingIfDone())
                {
                    _drain.Step();
                }
            }
            catch (Exception e) when (e is IOException or KafkaException or ObjectDisposedException)
            {
                // A timer callback must not throw; the next tick tries again.
                Log.DrainFailed(_logger, _agentId, e);
            }
        }
    }

    private void SpoolIfSlow()
    {
        if (_inFlight.OldestDirect is { } oldest && _time.GetUtcNow() - oldest.SentAt > _options.SpoolAfter)
        {
            Trouble($"Kafka is slow: a message unacknowledged for more than {_options.SpoolAfter.TotalSeconds} s");
        }
    }

    private bool LeaveSpoolingIfDone()
    {
        if (!_spooling || !_drain.Healthy || _spool.Counts is not { Leased: 0, Pending.Messages: 0 })
        {
            return false;
        }

        _spooling = false;
        Log.SpoolDrained(_logger, _agentId);
        return true;
    }

    // False when the producer's queue is full and the message was not taken.
    private bool TrySend(InFlightMessage entry)
    {
        switch (_inFlight.TrySend(entry))
        {
            case null:
                return true;
            case { Code: ErrorCode.Local_QueueFull }:
                Trouble("Kafka is slow: the producer's queue is full");
                return false;
            case var refused:
                GiveUp(entry, $"{refused.Code}: {refused.Reason}");
                return true;
        }
    }

    // Under the lock, from the producer's delivery report.
    private void OnReport(InFlightMessage entry, Error error)
    {
        if (error.IsError)
        {
            Undelivered(entry, error);
        }
        else
        {
            Acknowledged(entry);
        }
    }

    private void Acknowledged(InFlightMessage entry)
    {
        if (entry.SpoolId is { } id)
        {
            _spool.Acknowledge(id);
        }

        _drain.Settled(entry, acknowledged: true);
    }

    private void Undelivered(InFlightMessage entry, Error error)
    {
        if (IsPermanent(error))
        {
            GiveUp(entry, $"{error.Code}: {error.Reason}");
            return;
        }

        _drain.Settled(entry, acknowledged: false);
        // Spools this message too, in its place among those still in flight, if it was sent straight to Kafka.
        Trouble($"Kafka reports {error.Code}");
        if (entry.SpoolId is { } id)
        {
            _spool.Release(id);
        }
        else
        {
            GiveUp(entry, $"{error.Code}, and it could not be spooled");
        }
    }

    private void Trouble(string reason)
    {
        _drain.Trouble();
        if (_spooling)
        {
            return;
        }

        _spooling = true;
        var direct = _inFlight.TakeDirect();
        Log.Spooling(_logger, _agentId, reason, direct.Count);
        foreach (var entry in direct)
        {
            try
            {
                entry.SpoolId = _spool.Append(SpoolRecord.From(entry.Topic, entry.Message), leased: true, deferSync: true);
            }
            catch (IOException e)
            {
                Log.SpoolIoFailed(_logger, _spool.Directory, "spool a message in flight", e);
            }
        }

        _spool.Sync();
    }

    private void SpoolNew(InFlightMessage entry)
    {
        try
        {
            _spool.Append(SpoolRecord.From(entry.Topic, entry.Message), leased: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            GiveUp(entry, "it could not be spooled: " + e.Message);
        }
    }

    private void GiveUp(InFlightMessage entry, string reason)
    {
        _counters.Lost(entry.Rows);
        _drain.Settled(entry, acknowledged: false);
        if (entry.SpoolId is { } id)
        {
            _spool.Acknowledge(id);
        }

        Log.MessageLost(_logger, _agentId, entry.Topic, entry.Seq, entry.Rows, reason);
    }
}
