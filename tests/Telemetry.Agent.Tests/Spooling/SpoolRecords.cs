using Telemetry.Agent.Spooling;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Tests.Spooling;

/// <summary>Spool records shaped like the agent's messages, with a payload that tells which one it is.</summary>
internal static class SpoolRecords
{
    public static SpoolRecord Sample(long seq, int rows = 10, int payloadBytes = 200) => new(
        Topics.Samples,
        "gpu-node-000",
        Payload(seq, payloadBytes),
        [
            new(MessageHeaders.SchemaVersion, MessageHeaders.Format(1)),
            new(MessageHeaders.Sequence, MessageHeaders.Format(seq)),
            new(MessageHeaders.Rows, MessageHeaders.Format(rows)),
        ]);

    public static SpoolRecord Allocation(long seq) => new(
        Topics.Allocations,
        null,
        null,
        [new(MessageHeaders.Sequence, MessageHeaders.Format(seq)), new("empty", null)]);

    /// <summary>Bytes of <paramref name="record"/> as one frame in a segment file.</summary>
    public static int FrameBytes(SpoolRecord record) => SpoolRecordCodec.Encode(record).Length;

    /// <summary>Leases every record the spool will give, in the order it gives them.</summary>
    public static List<(long Id, SpoolRecord Record)> ReadAll(DiskSpool spool)
    {
        var read = new List<(long, SpoolRecord)>();
        while (spool.TryRead(out var id, out var record))
        {
            read.Add((id, record!));
        }

        return read;
    }

    public static List<long> Sequences(IEnumerable<(long Id, SpoolRecord Record)> read) => [.. read.Select(r => r.Record.Sequence)];

    private static byte[] Payload(long seq, int bytes)
    {
        var payload = new byte[bytes];
        new Random((int)seq).NextBytes(payload);
        return payload;
    }
}
