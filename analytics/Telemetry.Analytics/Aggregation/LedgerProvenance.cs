using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// What the ledger already holds, as the aggregator asks about it window by window: whether this instance wrote a
/// window in an earlier run, and up to which offset of each partition a written window (whoever wrote it) holds that
/// partition's rows. Answers are kept per window, since every row of a batch asks; the written offsets are asked
/// afresh after a partition moves here (<see cref="Reassigned"/>). Not thread-safe: the aggregator's.
/// </summary>
internal sealed class LedgerProvenance(long windowMs)
{
    private readonly Dictionary<long, bool> _writtenBefore = [];
    private readonly Dictionary<long, IReadOnlyDictionary<SourcePartition, long>> _writtenSources = [];
    private (long Index, SourcePartition Source, long? Offset) _last = (long.MinValue, SourcePartition.None, null);

    /// <summary>Whether this instance wrote the window starting at this time (Unix ms) in an earlier run; null: nothing was.</summary>
    public Func<long, bool>? AlreadyWritten { get; set; }

    /// <summary>Per partition, the highest offset a written window starting at this time (Unix ms) holds; null: none does.</summary>
    public Func<long, IReadOnlyDictionary<SourcePartition, long>>? WrittenSources { get; set; }

    /// <summary>Whether the window at this index, not open here, was written by this instance in an earlier run (asked once per window).</summary>
    public bool WrittenBefore(long index)
    {
        if (AlreadyWritten is null)
        {
            return false;
        }

        if (!_writtenBefore.TryGetValue(index, out var written))
        {
            written = AlreadyWritten(index * windowMs);
            _writtenBefore[index] = written;
        }

        return written;
    }

    /// <summary>
    /// The highest offset of this partition whose data a window in the ledger at this index already holds, or null when
    /// no written window holds any of it. Open here or not: a window this instance has open can have been written
    /// elsewhere with the rows of a partition that has since moved here.
    /// </summary>
    public long? WrittenUpTo(long index, SourcePartition source)
    {
        if (WrittenSources is null || source.IsNone)
        {
            return null;
        }

        // Rows of one batch mostly fall in one window: the last answer is kept at hand.
        if (_last.Index == index && _last.Source == source)
        {
            return _last.Offset;
        }

        if (!_writtenSources.TryGetValue(index, out var sources))
        {
            sources = WrittenSources(index * windowMs);
            _writtenSources[index] = sources;
        }

        long? offset = sources.TryGetValue(source, out var last) ? last : null;
        _last = (index, source, offset);
        return offset;
    }

    /// <summary>A partition was assigned: its previous owner may have written windows since the ledger was last asked.</summary>
    public void Reassigned()
    {
        _writtenSources.Clear();
        _last = (long.MinValue, SourcePartition.None, null);
    }

    /// <summary>The window at this index closed here: no row of it or before it asks again.</summary>
    public void Closed(long index)
    {
        foreach (var cached in _writtenSources.Keys.Where(i => i <= index).ToList())
        {
            _writtenSources.Remove(cached);
        }
    }
}
