using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Telemetry.Contract.Messages;

/// <summary>
/// Header names every message carries, with their values as ASCII decimal text so that any Kafka tool shows them.
/// </summary>
public static class MessageHeaders
{
    /// <summary>Version of the payload's schema (<see cref="Samples.SampleSchema.Version"/> for samples, <see cref="EventCodec.Version"/> for events).</summary>
    public const string SchemaVersion = "schema-version";

    /// <summary>The producing agent's id, stable across restarts of the agent.</summary>
    public const string AgentId = "agent-id";

    /// <summary>Per-agent, per-topic sequence number, starting at 1 and rising by one per message, so gaps and duplicates can be counted.</summary>
    public const string Sequence = "seq";

    /// <summary>Rows in a sample batch, so that a message that cannot be decoded is still counted in rows.</summary>
    public const string Rows = "rows";

    /// <summary>
    /// On a sample batch: the sequence number of the last allocation event the agent had produced when it built the
    /// batch. An aggregator applies that node's allocation events up to it before it attributes the batch to jobs, so
    /// attribution does not depend on the order in which partitions of two topics arrive.
    /// </summary>
    public const string AllocationSequence = "alloc-seq";

    /// <summary>Formats a header value.</summary>
    public static byte[] Format(long value) => Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses a header value; false when it is not a decimal integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out long result) =>
        Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;
}
