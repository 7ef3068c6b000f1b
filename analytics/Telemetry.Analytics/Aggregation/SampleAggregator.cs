using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Jobs;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// The columnar core: reduces decoded sample batches per GPU per event-time window and charges each interval between
/// two samples of a GPU (energy, GPU-seconds, busy time, estimated tensor TFLOP) to the window and the job of the
/// interval's start. Windows close once the watermark passes their end plus the allowed lateness; rows for a closed
/// window are counted late, never merged. Not thread-safe: one instance per consumer.
/// </summary>
internal sealed class SampleAggregator
{
    // Rows ahead whose GPU state is asked for.
    private const int StateAhead = 8;

    private readonly AggregatorOptions _options;
    private readonly TimeProvider _time;
    private readonly long _windowMs;
    private readonly LedgerProvenance _ledger;
    private readonly RowSlots _rows;
    private readonly long _latenessMs;
    private readonly GpuRegistry _gpus;
    private readonly BatchColumns _columns = new();
    private readonly IntervalCharging _intervals;
    private readonly WindowSet _windows;

    // The windows this batch's message was recorded as feeding; the window whose aggregated rows are being counted,
    // and how many so far.
    private OpenWindow? _touched;
    private OpenWindow? _touchedBefore;
    private OpenWindow? _counting;
    private long _countingRows;

    public SampleAggregator(AggregatorOptions options, TimeProvider time, IReadOnlyList<GpuModelPeak>? peaks = null)
    {
        options.Validate();
        _options = options;
        _time = time;
        _windowMs = (long)options.WindowLength.TotalMilliseconds;
        _latenessMs = (long)options.AllowedLateness.TotalMilliseconds;
        _ledger = new LedgerProvenance(_windowMs);
        _windows = new WindowSet(_windowMs);
        _gpus = new GpuRegistry(peaks ?? options.Models ?? GpuModelPeaks.Default);
        WatermarkTracker = new Watermark(time, options.IdlePartitionTimeout);
        _intervals = new IntervalCharging(options, Timeline, Counters);
        _rows = new RowSlots(_gpus, Counters, options.MaxClockSkew);
    }

    public AggregatorCounters Counters { get; } = new();

    /// <summary>
    /// Whether this instance already wrote the window starting at this time (Unix ms) to the ledger, in an earlier run.
    /// Such a window is closed for good: a row for it counts as late (or, in the batch a resumed partition starts with,
    /// as a replay), and the window is never written again with part of its rows. Null: nothing was written before.
    /// </summary>
    public Func<long, bool>? AlreadyWritten
    {
        get => _ledger.AlreadyWritten;
        set => _ledger.AlreadyWritten = value;
    }

    /// <summary>
    /// For the window starting at this time (Unix ms), the highest offset of each Kafka partition whose data a window in
    /// the ledger already holds, whichever instance wrote it (this one in an earlier run included). Such a window is
    /// closed for good for that partition's rows: those of messages up to that offset were counted by its writer and
    /// count here as duplicates, later ones as late. This is what keeps a partition that moved to this instance, or a
    /// restart, from writing a GPU's window twice, whatever offset the consumer resumed from. Asked once per window, and
    /// afresh after every assignment. Null: nothing is in the ledger but what this instance writes now.
    /// </summary>
    public Func<long, IReadOnlyDictionary<SourcePartition, long>>? WrittenSources
    {
        get => _ledger.WrittenSources;
        set => _ledger.WrittenSources = value;
    }

    public AllocationTimeline Timeline { get; } = new();

    public Watermark WatermarkTracker { get; }

    public int OpenWindows => _windows.Count;

    public int TrackedGpus => _gpus.Count;

    /// <summary>Reduces a batch into the open windows.</summary>
    /// <param name="batch">The decoded batch.</param>
    /// <param name="source">The partition it came from.</param>
    /// <param name="offset">Its offset there.</param>
    /// <param name="attributionKnown">False when the batch's node's allocation events did not arrive in time: energy no job claims is then unattributed rather than unallocated.</param>
    public void AddSamples(SampleBatch batch, SourcePartition source, long offset, bool attributionKnown = true)
    {
        BatchColumns.Prefetch(batch);
        var times = batch.TimeView.Values;
        var rows = batch.Length;
        Counters.AddReceived(rows);
        _columns.Read(batch);
        var slots = _columns.Slots;
        _rows.Resolve(batch, slots, _time.GetUtcNow().ToUnixTimeMilliseconds());

        var maxTime = long.MinValue;
        _touched = null;
        _touchedBefore = null;
        for (var row = 0; row < Math.Min(rows, StateAhead); row++)
        {
            PrefetchState(slots[row]);
        }

        for (var row = 0; row < rows; row++)
        {
            if (row + StateAhead < rows)
            {
                PrefetchState(slots[row + StateAhead]);
            }

            if (slots[row] >= 0)
            {
                var t = times[row];
                AddRow(ref _gpus[slots[row]], row, t, source, offset, attributionKnown);
                maxTime = Math.Max(maxTime, t);
            }
        }

        FlushRows(source);
        if (maxTime != long.MinValue && !source.IsNone)
        {
            WatermarkTracker.Observe(source, maxTime);
        }
    }

    /// <summary>
    /// Forgets a partition this instance no longer owns (revoked or lost): what it contributed to the open windows is
    /// taken back, its GPUs start afresh should it come back, and it no longer holds the watermark. The new owner
    /// replays it from the committed offset, which lies before anything of it in an open window, so every sample is
    /// counted once across the group.
    /// </summary>
    public void Forget(SourcePartition source)
    {
        WatermarkTracker.Remove(source);
        var gpus = new HashSet<int>();
        for (var slot = 0; slot < _gpus.Count; slot++)
        {
            ref var track = ref _gpus[slot];
            if (track.Source == source)
            {
                gpus.Add(slot);
                track.HasPrevious = false;
                track.Source = SourcePartition.None;
            }
        }

        foreach (var window in _windows.All)
        {
            Counters.AddHandedOver(window.Forget(source, gpus));
        }
    }

    /// <summary>
    /// A partition was assigned: its previous owner may have written windows with its data since the ledger was last
    /// asked, so <see cref="WrittenSources"/> is asked afresh.
    /// </summary>
    public void Reassigned()
    {
        _ledger.Reassigned();
    }

    /// <summary>Applies an allocation event to the timeline.</summary>
    public void AddAllocation(AllocationEvent allocation)
    {
        Timeline.Apply(allocation);
        Counters.AddAllocationEvent();
    }

    /// <summary>Adds reported throughput to the windows its interval covers, split in proportion to time; the total stays exact.</summary>
    public void AddThroughput(ThroughputEvent e, SourcePartition source, long offset)
    {
        var start = e.Start.ToUnixTimeMilliseconds();
        var end = e.End.ToUnixTimeMilliseconds();
        var job = Timeline.FindJob(e.JobId) ?? new JobInfo(e.JobId, "", "");
        var assigned = 0L;
        for (var index = WindowSet.FloorDiv(start, _windowMs); index * _windowMs < end; index++)
        {
            var pieceEnd = Math.Min(end, (index + 1) * _windowMs);
            var tokens = pieceEnd == end
                ? e.Count - assigned
                : (long)((decimal)e.Count * (pieceEnd - Math.Max(start, index * _windowMs)) / (end - start));
            assigned += tokens;
            if (index < _windows.FirstOpenIndex || WrittenBefore(index) || WrittenUpTo(index, source) is not null)
            {
                Counters.AddLateTokens(tokens);
                continue;
            }

            var window = Window(index);
            window.Touch(source, offset);
            var acc = window.Job(job);
            acc.AddTokens(source, tokens);
            acc.ThroughputUnit = e.Unit;
        }

        Counters.AddThroughputEvent();
        if (!source.IsNone)
        {
            WatermarkTracker.Observe(source, end);
        }
    }

    /// <summary>Closes the windows the watermark has passed (end + allowed lateness), oldest first.</summary>
    public IReadOnlyList<ClosedWindow> CloseReadyWindows()
    {
        var watermark = WatermarkTracker.Advance();
        List<ClosedWindow>? closed = null;
        while (_windows.Count > 0)
        {
            var first = _windows.Oldest;
            if (watermark == long.MinValue || first.End + _latenessMs > watermark)
            {
                break;
            }

            (closed ??= []).Add(Close(first));
        }

        if (watermark != long.MinValue)
        {
            // No window at or before the watermark minus lateness can still open.
            _windows.NoneBefore(watermark - _latenessMs);
        }

        return closed ?? (IReadOnlyList<ClosedWindow>)[];
    }

    /// <summary>Closes every open window, for the end of a finite stream.</summary>
    public IReadOnlyList<ClosedWindow> CloseAll()
    {
        var closed = new List<ClosedWindow>();
        while (_windows.Count > 0)
        {
            closed.Add(Close(_windows.Oldest));
        }

        return closed;
    }

    /// <summary>The lowest offset of this partition that an open window still needs, or null when none does.</summary>
    public long? LowestNeededOffset(SourcePartition source)
    {
        long? lowest = null;
        foreach (var window in _windows.All)
        {
            if (window.MinOffsets.TryGetValue(source, out var offset) && (lowest is null || offset < lowest))
            {
                lowest = offset;
            }
        }

        return lowest;
    }

    // A GPU's track and its accumulator in the window last used (mostly the row's), asked for StateAhead rows before
    // its row is reduced: at hundreds of thousands of GPUs they are seldom in the cache.
    private void PrefetchState(int slot)
    {
        if (slot >= 0)
        {
            _gpus.Prefetch(slot);
            _windows.Last?.Prefetch(slot);
        }
    }

    private void AddRow(ref GpuTrack gpu, int row, long t, SourcePartition source, long offset, bool attributionKnown)
    {
        if (gpu.HasPrevious && t <= gpu.Previous.Time)
        {
            Counters.AddDuplicate();
            return;
        }

        if (gpu.Source.Partition != source.Partition || !ReferenceEquals(gpu.Source.Topic, source.Topic))
        {
            // Stored only when it changes: a reference stored in a long-lived object costs a GC write barrier.
            gpu.Source = source;
        }
        var snapshot = SampleReadings.Snapshot(gpu, _columns, row, t);
        var index = _windows.IndexOf(t);
        var writtenUpTo = index >= _windows.FirstOpenIndex ? WrittenUpTo(index, source) : null;
        if (writtenUpTo is not null || index < _windows.FirstOpenIndex || WrittenBefore(index))
        {
            // A replayed message the window's writer already counted, or a row that came after its window was written.
            if (offset <= writtenUpTo)
            {
                Counters.AddDuplicate();
            }
            else
            {
                Counters.AddLate();
            }

            gpu.Previous = snapshot;
            gpu.HasPrevious = true;
            return;
        }

        var window = Touched(index, source, offset);
        SampleReadings.Add(ref window.Gpu(gpu.Slot), ref gpu, _columns, row);
        if (gpu.HasPrevious)
        {
            AddInterval(ref gpu, gpu.Previous, snapshot, source, offset, attributionKnown);
        }

        gpu.Previous = snapshot;
        gpu.HasPrevious = true;
        if (!ReferenceEquals(window, _counting))
        {
            FlushRows(source);
            _counting = window;
        }

        _countingRows++;
    }

    // Rows aggregated are counted per window and source once per run of rows into the same window, not row by row.
    private void FlushRows(SourcePartition source)
    {
        if (_counting is not null)
        {
            _counting.CountRows(source, _countingRows);
            Counters.AddAggregated(_countingRows);
        }

        _counting = null;
        _countingRows = 0;
    }

    // The window at this index, which a message from this source at this offset fed (once per window and batch).
    private OpenWindow Touched(long index, SourcePartition source, long offset)
    {
        var window = Window(index);
        if (!ReferenceEquals(window, _touched) && !ReferenceEquals(window, _touchedBefore))
        {
            window.Touch(source, offset);
            _touchedBefore = _touched;
            _touched = window;
        }

        return window;
    }

    private void AddInterval(ref GpuTrack gpu, in SampleSnapshot start, in SampleSnapshot end, SourcePartition source, long offset, bool attributionKnown)
    {
        var startIndex = _windows.IndexOf(start.Time);
        if (startIndex < _windows.FirstOpenIndex || WrittenBefore(startIndex) || WrittenUpTo(startIndex, source) is not null)
        {
            // The interval belongs to a window already written (here, elsewhere, or by this instance before a restart).
            Counters.AddLateInterval();
            return;
        }

        _intervals.Charge(Touched(startIndex, source, offset), ref gpu, start, end, attributionKnown);
    }

    private OpenWindow Window(long index) => _windows.Get(index, _gpus.Count);

    private ClosedWindow Close(OpenWindow window)
    {
        _windows.Remove(window);
        Counters.AddWindowClosed();
        var closed = WindowRows.Of(window, _gpus, _windowMs, _options.Waste.EnergyAgreementTolerance);
        Timeline.Prune(window.Start - _latenessMs);
        _ledger.Closed(window.Index);
        _windows.Recycle(window);
        return closed;
    }

    // Whether a window not open here was written by this instance in an earlier run.
    private bool WrittenBefore(long index) =>
        _ledger.AlreadyWritten is not null && _windows.Last?.Index != index && !_windows.IsOpen(index) && _ledger.WrittenBefore(index);

    private long? WrittenUpTo(long index, SourcePartition source) => _ledger.WrittenUpTo(index, source);
}
