using Confluent.Kafka;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>Consumed messages with the headers an agent sets, arriving now on the given clock.</summary>
internal sealed class MessageFactory(TimeProvider clock)
{
    public const string Agent = "node-1";

    public ConsumedMessage Samples(long offset, byte[] value, Headers headers) =>
        new(TestFleet.Samples0, offset, value, headers, clock.GetTimestamp());

    public ConsumedMessage Allocation(long offset, AllocationEvent allocation, long seq) =>
        new(new SourcePartition(Topics.Allocations, 0), offset, EventCodec.Encode(allocation), Headers(seq), clock.GetTimestamp());

    /// <summary>The headers of a message; a null argument leaves its header out.</summary>
    public static Headers Headers(long? seq, long? rows = null, long? allocSeq = null, long version = 1, string? agent = Agent)
    {
        var headers = new Headers { { MessageHeaders.SchemaVersion, MessageHeaders.Format(version) } };
        if (agent is not null) { headers.Add(MessageHeaders.AgentId, System.Text.Encoding.UTF8.GetBytes(agent)); }
        if (seq is { } s) { headers.Add(MessageHeaders.Sequence, MessageHeaders.Format(s)); }
        if (rows is { } r) { headers.Add(MessageHeaders.Rows, MessageHeaders.Format(r)); }
        if (allocSeq is { } a) { headers.Add(MessageHeaders.AllocationSequence, MessageHeaders.Format(a)); }
        return headers;
    }
}
