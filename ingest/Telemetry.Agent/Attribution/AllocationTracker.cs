using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Attribution;

/// <summary>
/// Turns successive snapshots of "which job holds which GPU" into start and stop events: a GPU whose job changed gets
/// a stop of the old job and a start of the new one; GPUs that change together for one job share one event.
/// </summary>
public sealed class AllocationTracker(string node)
{
    private Dictionary<string, JobAssignment> _current = new(StringComparer.Ordinal);

    /// <summary>The assignments as of the last snapshot, by GPU UUID.</summary>
    public IReadOnlyDictionary<string, JobAssignment> Current => _current;

    /// <summary>Compares a new snapshot (GPU UUID to job) with the last one and returns the events, stops first.</summary>
    public IReadOnlyList<AllocationEvent> Update(IReadOnlyDictionary<string, JobAssignment> snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stops = _current.Where(p => !snapshot.TryGetValue(p.Key, out var next) || next != p.Value);
        var starts = snapshot.Where(p => !_current.TryGetValue(p.Key, out var previous) || previous != p.Value);
        var events = new List<AllocationEvent>();
        events.AddRange(Group(stops, AllocationEventType.Stop, now));
        events.AddRange(Group(starts, AllocationEventType.Start, now));
        _current = new Dictionary<string, JobAssignment>(snapshot, StringComparer.Ordinal);
        return events;
    }

    private List<AllocationEvent> Group(IEnumerable<KeyValuePair<string, JobAssignment>> changes, AllocationEventType type, DateTimeOffset now) =>
        changes
            .GroupBy(p => p.Value)
            .OrderBy(g => g.Key.JobId, StringComparer.Ordinal)
            .Select(g => new AllocationEvent(type, now, node, [.. g.Select(p => p.Key).Order(StringComparer.Ordinal)], g.Key.JobId, g.Key.User, g.Key.Team))
            .ToList();
}
