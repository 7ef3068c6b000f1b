using System.Runtime.CompilerServices;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Jobs;

namespace Telemetry.Analytics.Windows;

/// <summary>A window still accepting data: accumulators per GPU slot and per job, and the range of offsets per source that fed it.</summary>
internal sealed class OpenWindow(long index, long start, long end, int generation, GpuAccumulator[]?[] pages)
{
    // Accumulators by GPU slot, in pages of 1,024 (480 KB): a window seeing a fleet for the first time adds a page as
    // GPUs arrive instead of doubling, copying and dropping one array of every GPU (half a gigabyte allocated to reach
    // 450,000). Beside them, the slots that have one, in the order they were added.
    private SlotPages<GpuAccumulator> _pages = new(pages);

    // Jobs by GPU slot, beside the accumulators; made on the window's first job, so a fleet without jobs has none.
    private GpuJobs[] _jobsBySlot = [];
    private readonly List<int> _slots = [];
    private readonly Dictionary<string, JobAccumulator> _jobs = new(StringComparer.Ordinal);

    public long Index { get; } = index;

    /// <summary>
    /// This window's number among the windows that share pages (never 0): the accumulators in its pages that carry it
    /// are its GPUs'; the rest were another window's.
    /// </summary>
    public int Generation { get; } = generation;

    public long Start { get; } = start;
    public long End { get; } = end;

    /// <summary>Per source partition, the lowest message offset that contributed; replay must start there.</summary>
    public Dictionary<SourcePartition, long> MinOffsets { get; } = [];

    /// <summary>Per source partition, the highest message offset that contributed: the ledger records the range.</summary>
    public Dictionary<SourcePartition, long> MaxOffsets { get; } = [];

    /// <summary>Per source partition, the sample rows aggregated into this window.</summary>
    private readonly Dictionary<SourcePartition, long> _rows = [];

    /// <summary>The slots of the GPUs this window has an accumulator for.</summary>
    public IReadOnlyList<int> Slots => _slots;

    /// <summary>The accumulator of a GPU in <see cref="Slots"/>.</summary>
    public ref GpuAccumulator GpuAt(int slot) => ref _pages[slot];

    /// <summary>Whether the window has an accumulator for this GPU slot.</summary>
    public bool Holds(int slot)
    {
        ref var acc = ref _pages.Find(slot);
        return !Unsafe.IsNullRef(ref acc) && acc.Generation == Generation;
    }

    /// <summary>The job of a GPU's last interval here, or null.</summary>
    public string? LastJobId(int slot) => slot < _jobsBySlot.Length ? _jobsBySlot[slot].LastJobId : null;

    /// <summary>A GPU's jobs here, to write.</summary>
    public ref GpuJobs JobsOf(int slot)
    {
        if (slot >= _jobsBySlot.Length)
        {
            Array.Resize(ref _jobsBySlot, Math.Max(slot + 1, Math.Max(_pages.Capacity, _jobsBySlot.Length * 2)));
        }

        return ref _jobsBySlot[slot];
    }

    /// <summary>Counts sample rows of this source aggregated here.</summary>
    public void CountRows(SourcePartition source, long rows)
    {
        if (!source.IsNone && rows > 0)
        {
            _rows[source] = _rows.GetValueOrDefault(source) + rows;
        }
    }

    public IReadOnlyDictionary<string, JobAccumulator> Jobs => _jobs;

    /// <summary>Asks the processor for a GPU's accumulator ahead of its use (<see cref="Aggregation.CacheLines"/>).</summary>
    public void Prefetch(int slot)
    {
        ref var acc = ref _pages.Find(slot);
        if (!Unsafe.IsNullRef(ref acc))
        {
            CacheLines.Prefetch(ref acc);
        }
    }

    /// <summary>The accumulator of a GPU, started on its first use.</summary>
    public ref GpuAccumulator Gpu(int slot)
    {
        ref var acc = ref _pages.Add(slot);
        if (acc.Generation != Generation)
        {
            acc = GpuAccumulator.Empty(Generation);
            _slots.Add(slot);
        }

        return ref acc;
    }

    /// <summary>
    /// Hands the accumulators' pages back once the window is closed and its rows are made, for a window of another
    /// <see cref="Generation"/> to use (nothing is cleared: to that window every slot is empty); the window must not be
    /// used after.
    /// </summary>
    public GpuAccumulator[]?[] Release()
    {
        _slots.Clear();
        _jobsBySlot = [];
        return _pages.Release();
    }

    public JobAccumulator Job(JobInfo job)
    {
        if (!_jobs.TryGetValue(job.Id, out var acc))
        {
            acc = new JobAccumulator(job);
            _jobs.Add(job.Id, acc);
        }

        return acc;
    }

    /// <summary>
    /// Takes back everything a revoked partition contributed: its GPUs' rows and their parts of every job, its tokens,
    /// its offsets. The partition's new owner rebuilds them from the committed offset.
    /// </summary>
    /// <returns>The sample rows of the partition that the window held.</returns>
    public long Forget(SourcePartition source, IReadOnlySet<int> gpusOfSource)
    {
        _rows.Remove(source, out var rows);
        MinOffsets.Remove(source);
        MaxOffsets.Remove(source);
        foreach (var slot in gpusOfSource)
        {
            ref var acc = ref _pages.Find(slot);
            if (!Unsafe.IsNullRef(ref acc))
            {
                acc = default;
            }

            if (slot < _jobsBySlot.Length)
            {
                _jobsBySlot[slot] = default;
            }
        }

        _slots.RemoveAll(gpusOfSource.Contains);

        foreach (var (id, job) in _jobs.ToList())
        {
            foreach (var slot in gpusOfSource)
            {
                job.PerGpu.Remove(slot);
            }

            job.TokensBySource.Remove(source);
            if (job.PerGpu.Count == 0 && job.TokensBySource.Count == 0)
            {
                _jobs.Remove(id);
            }
        }

        return rows;
    }

    public void Touch(SourcePartition source, long offset)
    {
        if (source.IsNone)
        {
            return;
        }

        if (!MinOffsets.TryGetValue(source, out var min) || offset < min)
        {
            MinOffsets[source] = offset;
        }

        if (!MaxOffsets.TryGetValue(source, out var max) || offset > max)
        {
            MaxOffsets[source] = offset;
        }
    }
}
