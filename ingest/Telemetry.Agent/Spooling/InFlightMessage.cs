using Confluent.Kafka;

namespace Telemetry.Agent.Spooling;

/// <summary>A message handed to the Kafka producer and waiting for its delivery report.</summary>
internal sealed class InFlightMessage(string topic, Message<string, byte[]> message, int rows, long seq)
{
    public string Topic { get; } = topic;

    public Message<string, byte[]> Message { get; } = message;

    public int Rows { get; } = rows;

    public long Seq { get; } = seq;

    /// <summary>Its record number once it is in the spool too; its delivery report then settles that record.</summary>
    public long? SpoolId { get; set; }

    /// <summary>Whether it tests Kafka after trouble: nothing else is sent until it is acknowledged.</summary>
    public bool IsProbe { get; init; }

    /// <summary>When it was handed to the producer.</summary>
    public DateTimeOffset SentAt { get; set; }

    /// <summary>Its place among the messages sent straight to Kafka, oldest first; null for those also in the spool.</summary>
    public LinkedListNode<InFlightMessage>? Node { get; set; }

    public static InFlightMessage FromSpool(long id, SpoolRecord record, bool probe) =>
        new(record.Topic, record.ToMessage(), record.Rows, record.Sequence) { SpoolId = id, IsProbe = probe };
}
