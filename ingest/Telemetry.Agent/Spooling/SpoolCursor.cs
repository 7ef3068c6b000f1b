namespace Telemetry.Agent.Spooling;

/// <summary>Where a spool reads next: a segment, the offset of its next record, and that record's number.</summary>
internal sealed class SpoolCursor
{
    private SpoolSegment? _segment;
    private long _offset;
    private long _id;

    /// <summary>Back to the start of the oldest segment.</summary>
    public void Reset(List<SpoolSegment> segments) => MoveTo(null, segments);

    /// <summary>Called before <paramref name="segment"/> goes: a cursor in it moves to the start of the next one.</summary>
    public void Leave(SpoolSegment segment, List<SpoolSegment> segments)
    {
        if (_segment == segment)
        {
            var index = segments.IndexOf(segment);
            MoveTo(index + 1 < segments.Count ? segments[index + 1] : null, segments);
        }
    }

    /// <summary>
    /// Reads the record under the cursor and moves past it. False at the end of the newest segment, or with
    /// <paramref name="damaged"/> set when the record under the cursor cannot be read.
    /// </summary>
    public bool TryNext(List<SpoolSegment> segments, out long id, out SpoolRecord? record, out SpoolSegment? damaged)
    {
        (id, record, damaged) = (0, null, null);
        while (true)
        {
            if (_segment is null)
            {
                if (segments.Count == 0)
                {
                    return false;
                }

                MoveTo(segments[0], segments);
            }

            if (_id < _segment!.EndId)
            {
                break;
            }

            var index = segments.IndexOf(_segment);
            if (index + 1 >= segments.Count)
            {
                return false;
            }

            MoveTo(segments[index + 1], segments);
        }

        if (!_segment.TryRead(_offset, out record, out var frameBytes))
        {
            damaged = _segment;
            return false;
        }

        id = _id++;
        _offset += frameBytes;
        return true;
    }

    // Null: the oldest segment, once there is one. The segment left behind closes its file unless it is still written.
    private void MoveTo(SpoolSegment? segment, List<SpoolSegment> segments)
    {
        if (_segment is not null && _segment != segment && (segments.Count == 0 || _segment != segments[^1]))
        {
            _segment.Close();
        }

        _segment = segment;
        _offset = SpoolSegment.HeaderBytes;
        _id = segment?.FirstId ?? 0;
    }
}
