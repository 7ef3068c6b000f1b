using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>The windows in which anyone reported, in time order: the slots against which silence is measured.</summary>
internal sealed class WindowTimeline
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly Dictionary<long, int> _slotOf;

    public WindowTimeline(IEnumerable<GpuWindow> windows)
    {
        var slots = windows
            .GroupBy(w => w.WindowStart)
            .Select(g => (Start: g.Key, End: g.Max(w => w.WindowEnd)))
            .OrderBy(s => s.Start)
            .ToList();
        _starts = [.. slots.Select(s => s.Start)];
        _ends = [.. slots.Select(s => s.End)];
        _slotOf = slots.Select((s, i) => (s.Start, i)).ToDictionary(p => p.Start, p => p.i);
    }

    public int Count => _starts.Length;

    public DateTimeOffset StartOf(int slot) => GpuSeries.Time(_starts[slot]);

    public DateTimeOffset EndOf(int slot) => GpuSeries.Time(_ends[slot]);

    /// <summary>Which slots these windows fill.</summary>
    public bool[] Filled(IEnumerable<GpuWindow> windows)
    {
        var filled = new bool[Count];
        foreach (var window in windows)
        {
            filled[_slotOf[window.WindowStart]] = true;
        }

        return filled;
    }

    /// <summary>
    /// Runs of at least <paramref name="minLength"/> unfilled slots after the first filled one, as first and last slot.
    /// A slot that <paramref name="counts"/> rejects ends a run without belonging to it.
    /// </summary>
    public static List<(int First, int Last)> Gaps(bool[] filled, int minLength, Func<int, bool> counts)
    {
        var gaps = new List<(int, int)>();
        var first = Array.IndexOf(filled, true);
        var runStart = -1;
        for (var slot = first + 1; first >= 0 && slot <= filled.Length; slot++)
        {
            var missing = slot < filled.Length && !filled[slot] && counts(slot);
            if (missing && runStart < 0)
            {
                runStart = slot;
            }
            else if (!missing && runStart >= 0)
            {
                if (slot - runStart >= minLength)
                {
                    gaps.Add((runStart, slot - 1));
                }

                runStart = -1;
            }
        }

        return gaps;
    }
}
