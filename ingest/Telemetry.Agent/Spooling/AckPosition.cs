using System.Buffers.Binary;
using System.IO.Hashing;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// How far a spool's records are done with: every record up to <see cref="Through"/>, plus those acknowledged out of
/// order beyond it (at most about a window of messages in flight). Both are checkpointed to a file,
/// <c>[through: i64][count: i32][numbers: i64 x count][CRC-32: u32]</c>, so that records acknowledged before a restart
/// are not sent again.
/// </summary>
internal sealed class AckPosition
{
    public const string FileName = "acked";

    // Acknowledgements between checkpoints: a crash sends at most this many acknowledged records again (duplicates,
    // which the aggregator counts), in exchange for one fsync per batch of acknowledgements instead of one per record.
    private const int AcksPerCheckpoint = 256;

    private readonly string _path;
    private readonly HashSet<long> _ahead = [];
    private int _sinceCheckpoint;

    private AckPosition(string path, long through, IEnumerable<long> ahead)
    {
        _path = path;
        Through = through;
        _ahead.UnionWith(ahead);
    }

    /// <summary>The last record up to which every record is done with.</summary>
    public long Through { get; private set; }

    /// <summary>Reads the checkpoint in <paramref name="directory"/>; nothing is acknowledged when it is missing or damaged.</summary>
    public static AckPosition Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var content = AtomicFile.Read(path) ?? [];
        if (content.Length < 16 || Crc32.HashToUInt32(content.AsSpan(0, content.Length - 4)) != BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(content.Length - 4))
            || BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan(8)) is var count && (long)count * 8 != content.Length - 16)
        {
            return new AckPosition(path, 0, []);
        }

        var ahead = new long[count];
        for (var i = 0; i < count; i++)
        {
            ahead[i] = BinaryPrimitives.ReadInt64LittleEndian(content.AsSpan(12 + (8 * i)));
        }

        return new AckPosition(path, Math.Max(0, BinaryPrimitives.ReadInt64LittleEndian(content)), ahead);
    }

    public bool Covers(long id) => id <= Through || _ahead.Contains(id);

    /// <summary>Marks a record done with; true when a checkpoint is due.</summary>
    public bool Add(long id, List<SpoolSegment> segments)
    {
        _ahead.Add(id);
        Advance(segments);
        return ++_sinceCheckpoint >= AcksPerCheckpoint;
    }

    /// <summary>Forgets what it knows of a segment that is gone.</summary>
    public void Forget(SpoolSegment segment) => _ahead.RemoveWhere(id => id >= segment.FirstId && id < segment.EndId);

    /// <summary>Moves <see cref="Through"/> over acknowledged records and over numbers no segment holds any more.</summary>
    public void Advance(List<SpoolSegment> segments)
    {
        while (true)
        {
            var next = Through + 1;
            if (_ahead.Remove(next))
            {
                Through = next;
                continue;
            }

            var holder = segments.Find(s => s.EndId > next);
            if (holder is null || holder.FirstId <= next)
            {
                return;
            }

            Through = holder.FirstId - 1;
        }
    }

    /// <summary>Writes <see cref="Through"/> to the device.</summary>
    /// <exception cref="IOException">It could not be written.</exception>
    public void Checkpoint()
    {
        var content = new byte[16 + (8 * _ahead.Count)];
        BinaryPrimitives.WriteInt64LittleEndian(content, Through);
        BinaryPrimitives.WriteInt32LittleEndian(content.AsSpan(8), _ahead.Count);
        var at = 12;
        foreach (var id in _ahead)
        {
            BinaryPrimitives.WriteInt64LittleEndian(content.AsSpan(at), id);
            at += 8;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(at), Crc32.HashToUInt32(content.AsSpan(0, at)));
        AtomicFile.Write(_path, content, sync: true);
        _sinceCheckpoint = 0;
    }
}
