using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// A bounded, append-only log of Kafka messages on disk, in segment files of a directory. Records are read back
/// oldest first and leased while in flight; a lease ends acknowledged (the record is done with) or released (it is
/// read again, in order, once no lease is left). Fully acknowledged segments are deleted; past the size cap the oldest
/// segments are deleted whole and their records counted as dropped. Opening the directory again, after a stop or a
/// crash, recovers every record not acknowledged, cutting a torn record at a segment's end. Thread-safe.
/// </summary>
internal sealed class DiskSpool : IDisposable
{
    private const string LockFileName = "spool.lock";

    private readonly Lock _gate = new();
    private readonly SpoolOptions _options;
    private readonly ILogger _logger;
    private readonly FileStream _lockFile;
    private readonly List<SpoolSegment> _segments;
    private readonly AckPosition _acknowledged;
    private readonly SpoolLeases _leased = new();
    private readonly SpoolCursor _cursor = new();
    private readonly DeliveryCount _recovered;
    private readonly long _tornTails;
    private readonly long _tornBytes;
    private SpoolSegment? _active;
    private bool _rewind;
    private long _nextId;
    private long _bytes;
    private DeliveryCount _pending;
    private DeliveryCount _dropped;
    private bool _disposed;

    private DiskSpool(SpoolOptions options, ILogger logger, FileStream lockFile, SpoolRecovery recovery)
    {
        _options = options;
        _logger = logger;
        _lockFile = lockFile;
        _segments = recovery.Segments;
        _acknowledged = recovery.Acknowledged;
        RecoveredSequences = recovery.Sequences;
        _recovered = _pending = recovery.Pending;
        (_tornTails, _tornBytes) = (recovery.TornTails, recovery.TornBytes);
        _bytes = recovery.Bytes;
        _nextId = recovery.NextId;
    }

    /// <summary>The spool's directory.</summary>
    public string Directory => _options.Directory;

    /// <summary>Opens (creating it if needed) the spool in <see cref="SpoolOptions.Directory"/> and recovers what it holds.</summary>
    /// <exception cref="InvalidOperationException">Another spool has the directory open.</exception>
    public static DiskSpool Open(SpoolOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        System.IO.Directory.CreateDirectory(options.Directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(options.Directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Spool:Directory '{options.Directory}' is in use by another agent; each agent needs a spool of its own.", e);
        }

        try
        {
            return new DiskSpool(options, logger, lockFile, SpoolRecovery.Run(options.Directory, logger));
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>What the spool holds and has lost.</summary>
    public SpoolCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return new SpoolCounts(_pending, _leased.Count, _dropped, _recovered, _tornTails, _tornBytes, _bytes);
            }
        }
    }

    /// <summary>The highest sequence number per topic among the records found on opening.</summary>
    public IReadOnlyDictionary<string, long> RecoveredSequences { get; }

    /// <summary>
    /// Appends a record and returns its number. A <paramref name="leased"/> record is in flight already: it is not read
    /// until released. May drop the oldest segments to stay under the cap. With <paramref name="deferSync"/> the caller
    /// calls <see cref="Sync"/> after a run of appends instead of one flush to the device per record.
    /// </summary>
    /// <exception cref="IOException">The record could not be written; the spool is unchanged.</exception>
    public long Append(SpoolRecord record, bool leased, bool deferSync = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var frame = SpoolRecordCodec.Encode(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_active is null || (_active.RecordCount > 0 && _active.Bytes + frame.Length > _options.SegmentBytes))
            {
                Roll();
            }

            _active!.Append(frame, record.Rows, _options.SyncEveryRecord && !deferSync);
            var id = _nextId++;
            _bytes += frame.Length;
            if (leased)
            {
                _leased.Add(id, record.Rows);
            }
            else
            {
                _pending += DeliveryCount.One(record.Rows);
            }

            EnforceCap();
            return id;
        }
    }

    /// <summary>
    /// Leases the oldest record that is neither acknowledged nor leased. False when there is none, and also after a
    /// release while other leases are open: the released record must go again before anything newer.
    /// </summary>
    public bool TryRead(out long id, out SpoolRecord? record)
    {
        lock (_gate)
        {
            id = 0;
            record = null;
            if (_disposed || (_rewind && _leased.Count > 0))
            {
                return false;
            }

            if (_rewind)
            {
                _rewind = false;
                _cursor.Reset(_segments);
            }

            while (NextAtCursor(out var candidate, out var read))
            {
                if (_acknowledged.Covers(candidate) || _leased.Contains(candidate))
                {
                    continue;
                }

                _leased.Add(candidate, read!.Rows);
                _pending -= DeliveryCount.One(read.Rows);
                (id, record) = (candidate, read);
                return true;
            }

            return false;
        }
    }

    /// <summary>Ends a lease for good: the record was delivered, or can never be.</summary>
    public void Acknowledge(long id)
    {
        lock (_gate)
        {
            if (_disposed || !_leased.TryEnd(id, out var rows, out var orphan) || orphan)
            {
                return;
            }

            var segment = _segments.Find(s => id >= s.FirstId && id < s.EndId);
            segment?.Acknowledged(1, rows);
            var checkpointDue = _acknowledged.Add(id, _segments);
            if (segment is { FullyAcknowledged: true })
            {
                Remove(segment);
            }

            if (checkpointDue)
            {
                Checkpoint();
            }
        }
    }

    /// <summary>Ends a lease without delivery: the record is read again, before anything newer.</summary>
    public void Release(long id)
    {
        lock (_gate)
        {
            if (_disposed || !_leased.TryEnd(id, out var rows, out var orphan))
            {
                return;
            }

            if (orphan)
            {
                // Its segment was dropped over the cap while it was in flight: nothing is left to send it from.
                _dropped += DeliveryCount.One(rows);
                return;
            }

            _pending += DeliveryCount.One(rows);
            _rewind = true;
        }
    }

    /// <summary>Puts the newest segment and the acknowledged position on the device.</summary>
    public void Sync()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _active?.Sync();
                Checkpoint();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Sync();
            _disposed = true;
            _segments.ForEach(s => s.Dispose());
            _lockFile.Dispose();
        }
    }

    private void Roll()
    {
        if (_active is not null)
        {
            _active.Sync();
            _active.Close();
        }

        _active = SpoolSegment.Create(Directory, _nextId);
        _segments.Add(_active);
        _bytes += SpoolSegment.HeaderBytes;
    }

    private void EnforceCap()
    {
        while (_bytes > _options.MaxBytes && _segments.Count > 1)
        {
            Drop(_segments[0], "is over its cap of " + _options.MaxBytes + " bytes");
        }
    }

    // Pending records of the segment are dropped now; leased ones are dropped only if their delivery fails.
    private void Drop(SpoolSegment segment, string reason)
    {
        var inFlight = _leased.Orphan(segment);
        var lost = new DeliveryCount(segment.RecordCount - segment.AcknowledgedCount, segment.Rows - segment.AcknowledgedRows) - inFlight;
        _acknowledged.Forget(segment);
        _pending -= lost;
        _dropped += lost;
        Remove(segment);
        _acknowledged.Advance(_segments);
        Log.SpoolDropped(_logger, Directory, reason, lost.Messages, lost.Rows, Path.GetFileName(segment.Path), (int)inFlight.Messages);
    }

    private void Remove(SpoolSegment segment)
    {
        _cursor.Leave(segment, _segments);
        if (_active == segment)
        {
            _active = null;
        }

        _segments.Remove(segment);
        _bytes -= segment.Bytes;
        try
        {
            segment.Delete();
        }
        catch (IOException e)
        {
            Log.SpoolIoFailed(_logger, Directory, "delete segment " + segment.Path, e);
        }
    }

    private void Checkpoint()
    {
        try
        {
            _acknowledged.Checkpoint();
        }
        catch (IOException e)
        {
            Log.SpoolIoFailed(_logger, Directory, "write its acknowledged position", e);
        }
    }

    // The record under the read cursor, moving past it; a damaged record drops the rest of its segment.
    private bool NextAtCursor(out long id, out SpoolRecord? record)
    {
        while (!_cursor.TryNext(_segments, out id, out record, out var damaged))
        {
            if (damaged is null)
            {
                return false;
            }

            Drop(damaged, "found a damaged record");
        }

        return true;
    }
}
