namespace Telemetry.Agent.Spooling;

/// <summary>
/// The records of a spool that are in flight to Kafka, with their rows. A lease whose segment was dropped is an
/// orphan: if its delivery fails there is nothing left to send it from, and it counts as dropped then.
/// </summary>
internal sealed class SpoolLeases
{
    private readonly Dictionary<long, int> _rows = [];
    private readonly HashSet<long> _orphans = [];

    public int Count => _rows.Count;

    public bool Contains(long id) => _rows.ContainsKey(id);

    public void Add(long id, int rows) => _rows.Add(id, rows);

    /// <summary>Ends a lease; false when there was none. <paramref name="orphan"/> tells whether its segment is gone.</summary>
    public bool TryEnd(long id, out int rows, out bool orphan)
    {
        orphan = false;
        if (!_rows.Remove(id, out rows))
        {
            return false;
        }

        orphan = _orphans.Remove(id);
        return true;
    }

    /// <summary>Makes orphans of the leases in <paramref name="segment"/> and counts them.</summary>
    public DeliveryCount Orphan(SpoolSegment segment)
    {
        var count = new DeliveryCount();
        foreach (var (id, rows) in _rows)
        {
            if (id >= segment.FirstId && id < segment.EndId && _orphans.Add(id))
            {
                count += DeliveryCount.One(rows);
            }
        }

        return count;
    }
}
