namespace Telemetry.Alerting.Rules;

/// <summary>
/// Runs of consecutive windows in which a condition holds, per key. Call <see cref="Hold"/> for every key that holds in
/// a window, then <see cref="EndWindow"/>: keys that did not hold lose their run.
/// </summary>
internal sealed class RunTracker<TKey>
    where TKey : notnull
{
    private Dictionary<TKey, long> _since = [];
    private Dictionary<TKey, long> _next = [];
    private long _lastEnd = long.MinValue;

    /// <summary>The key holds in the window [<paramref name="windowStart"/>, …): the start of its run, Unix ms.</summary>
    public long Hold(TKey key, long windowStart)
    {
        // A run goes on only from the window right before; a gap (no window, or the key missing from one) restarts it.
        var since = _lastEnd >= windowStart && _since.TryGetValue(key, out var earlier) ? earlier : windowStart;
        _next[key] = since;
        return since;
    }

    /// <summary>Closes the window: only the keys held in it keep their run.</summary>
    public void EndWindow(long windowEnd)
    {
        (_since, _next) = (_next, _since);
        _next.Clear();
        _lastEnd = windowEnd;
    }
}
