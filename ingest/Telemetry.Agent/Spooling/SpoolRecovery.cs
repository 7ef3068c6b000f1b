using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// Reads a spool directory back after a stop or a crash: every segment in order, every record checked, a torn or
/// damaged end of a segment cut off and counted, segments with nothing left to send deleted.
/// </summary>
internal sealed class SpoolRecovery
{
    private SpoolRecovery(AckPosition acknowledged) => Acknowledged = acknowledged;

    /// <summary>Segments with records to send, oldest first.</summary>
    public List<SpoolSegment> Segments { get; } = [];

    public AckPosition Acknowledged { get; }

    /// <summary>Records to send.</summary>
    public DeliveryCount Pending { get; private set; }

    /// <summary>Highest sequence number per topic among all records read.</summary>
    public Dictionary<string, long> Sequences { get; } = new(StringComparer.Ordinal);

    public long TornTails { get; private set; }

    public long TornBytes { get; private set; }

    /// <summary>Size of the kept segment files.</summary>
    public long Bytes { get; private set; }

    /// <summary>Number for the next record appended.</summary>
    public long NextId => Math.Max(Segments.Count > 0 ? Segments[^1].EndId : 1, Acknowledged.Through + 1);

    public static SpoolRecovery Run(string directory, ILogger logger)
    {
        var recovery = new SpoolRecovery(AckPosition.Load(directory));
        foreach (var stray in Directory.EnumerateFiles(directory, "*" + AtomicFile.TemporaryExtension))
        {
            File.Delete(stray);
        }

        var files = Directory.EnumerateFiles(directory, "*" + SpoolSegment.Extension)
            .Select(path => (Path: path, Ok: SpoolSegment.TryParseFileName(path, out var first), First: first))
            .Where(f => f.Ok)
            .OrderBy(f => f.First);
        foreach (var (path, _, first) in files)
        {
            recovery.RecoverSegment(path, first, logger);
        }

        if (recovery.Pending.Messages > 0)
        {
            Log.SpoolRecovered(logger, directory, recovery.Pending.Messages, recovery.Pending.Rows, recovery.Segments.Count);
        }

        return recovery;
    }

    private void RecoverSegment(string path, long first, ILogger logger)
    {
        var acknowledged = new DeliveryCount();
        var segment = SpoolSegment.Recover(path, first, (id, record) =>
        {
            Sequences[record.Topic] = Math.Max(Sequences.GetValueOrDefault(record.Topic), record.Sequence);
            if (Acknowledged.Covers(id))
            {
                acknowledged += DeliveryCount.One(record.Rows);
            }
            else
            {
                Pending += DeliveryCount.One(record.Rows);
            }
        }, out var tornBytes);
        segment.Acknowledged((int)acknowledged.Messages, acknowledged.Rows);
        if (tornBytes > 0)
        {
            TornTails++;
            TornBytes += tornBytes;
            Log.SpoolTornTail(logger, path, tornBytes);
        }

        if (segment.RecordCount == 0 || segment.FullyAcknowledged)
        {
            segment.Delete();
            return;
        }

        Segments.Add(segment);
        Bytes += segment.Bytes;
    }
}
