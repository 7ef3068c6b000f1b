namespace Telemetry.Alerting.Rules;

/// <summary>
/// Episodes of events per key: an episode starts with the first event and lasts until no event came for a quiet
/// period. Keeps the context of the episode's first event, so that the alert's labels stay the same throughout.
/// </summary>
internal sealed class EpisodeTracker<TKey, TContext>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Episode> _episodes = [];

    /// <summary>Events in the window [<paramref name="windowStart"/>, <paramref name="windowEnd"/>).</summary>
    public void Hit(TKey key, long windowStart, long windowEnd, long count, TContext context) =>
        _episodes[key] = _episodes.TryGetValue(key, out var open)
            ? open with { LastHitEnd = windowEnd, Total = open.Total + count }
            : new Episode(windowStart, windowEnd, count, context);

    /// <summary>The episodes still open at <paramref name="now"/> (Unix ms); those quiet for <paramref name="quiet"/> end.</summary>
    public List<KeyValuePair<TKey, Episode>> Open(long now, TimeSpan quiet)
    {
        var quietMs = (long)quiet.TotalMilliseconds;
        var open = new List<KeyValuePair<TKey, Episode>>();
        var ended = new List<TKey>();
        foreach (var entry in _episodes)
        {
            if (now - entry.Value.LastHitEnd < quietMs)
            {
                open.Add(entry);
            }
            else
            {
                ended.Add(entry.Key);
            }
        }

        foreach (var key in ended)
        {
            _episodes.Remove(key);
        }

        return open;
    }

    /// <summary>An episode: its first window's start, its last event's window end, the events counted, the first context.</summary>
    internal sealed record Episode(long Since, long LastHitEnd, long Total, TContext Context);
}
