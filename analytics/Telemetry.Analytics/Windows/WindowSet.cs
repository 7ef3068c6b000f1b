namespace Telemetry.Analytics.Windows;

/// <summary>
/// The event-time windows an aggregator has open, by index (start / length): the one last looked up, found again
/// without a search; the index below which none can open any more; and the accumulator pages of the window closed
/// last, emptied, which the next window to open takes instead of new ones. Not thread-safe.
/// </summary>
internal sealed class WindowSet(long windowMs)
{
    private readonly SortedList<long, OpenWindow> _open = [];
    private OpenWindow? _last;
    private GpuAccumulator[]?[]? _spare;

    // The last window's generation: each window opened takes the next, so no two windows that shared pages share one.
    private int _generation;

    public int Count => _open.Count;

    public IEnumerable<OpenWindow> All => _open.Values;

    /// <summary>The oldest open window; the set must not be empty.</summary>
    public OpenWindow Oldest => _open.GetValueAtIndex(0);

    /// <summary>The window last looked up, if still open.</summary>
    public OpenWindow? Last => _last;

    /// <summary>No window below this index can open (any more).</summary>
    public long FirstOpenIndex { get; private set; } = long.MinValue;

    public bool IsOpen(long index) => _open.ContainsKey(index);

    /// <summary>The index of the window holding this time (Unix ms): mostly the window last looked up, without a division.</summary>
    public long IndexOf(long t) => _last is { } last && t >= last.Start && t < last.End ? last.Index : FloorDiv(t, windowMs);

    /// <summary>The window at this index, opened with room for <paramref name="gpus"/> GPUs if it is not open yet.</summary>
    public OpenWindow Get(long index, int gpus) => _last is { } last && last.Index == index ? last : Find(index, gpus);

    private OpenWindow Find(long index, int gpus)
    {
        if (!_open.TryGetValue(index, out var window))
        {
            var pages = _spare ?? new GpuAccumulator[]?[Math.Max(1, Aggregation.SlotPages<GpuAccumulator>.PagesFor(gpus))];
            _spare = null;
            window = new OpenWindow(index, index * windowMs, (index + 1) * windowMs, ++_generation, pages);
            _open.Add(index, window);
        }

        _last = window;
        return window;
    }

    /// <summary>Takes a closing window out of the set: no window at or below its index opens again.</summary>
    public void Remove(OpenWindow window)
    {
        _open.Remove(window.Index);
        _last = null;
        FirstOpenIndex = Math.Max(FirstOpenIndex, window.Index + 1);
    }

    /// <summary>Keeps a closed window's accumulators, once its rows are made, for the next window to open.</summary>
    public void Recycle(OpenWindow closed) => _spare = closed.Release();

    /// <summary>No window before the one holding this time (Unix ms) opens again.</summary>
    public void NoneBefore(long t) => FirstOpenIndex = Math.Max(FirstOpenIndex, FloorDiv(t, windowMs));

    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;
}
