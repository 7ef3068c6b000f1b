using Confluent.Kafka;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// One Kafka message as the spool keeps it: topic, key, value and headers, the agent's sequence number among them,
/// so that a message sent again after an outage is the very message that was first produced.
/// </summary>
internal sealed class SpoolRecord
{
    public SpoolRecord(string topic, string? key, byte[]? value, IReadOnlyList<KeyValuePair<string, byte[]?>> headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        Topic = topic;
        Key = key;
        Value = value;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Rows = (int)Number(MessageHeaders.Rows);
        Sequence = Number(MessageHeaders.Sequence);
    }

    public string Topic { get; }

    public string? Key { get; }

    public byte[]? Value { get; }

    public IReadOnlyList<KeyValuePair<string, byte[]?>> Headers { get; }

    /// <summary>Sample rows, from the rows header; 0 for events.</summary>
    public int Rows { get; }

    /// <summary>The agent's sequence number of the message on its topic, from the seq header; 0 when it has none.</summary>
    public long Sequence { get; }

    public static SpoolRecord From(string topic, Message<string, byte[]> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = new List<KeyValuePair<string, byte[]?>>(message.Headers?.Count ?? 0);
        foreach (var header in message.Headers ?? [])
        {
            headers.Add(new(header.Key, header.GetValueBytes()));
        }

        return new SpoolRecord(topic, message.Key, message.Value, headers);
    }

    public Message<string, byte[]> ToMessage()
    {
        var headers = new Headers();
        foreach (var (name, value) in Headers)
        {
            headers.Add(name, value);
        }

        return new Message<string, byte[]> { Key = Key!, Value = Value!, Headers = headers };
    }

    private long Number(string header)
    {
        for (var i = Headers.Count - 1; i >= 0; i--)
        {
            if (Headers[i].Key == header && Headers[i].Value is { } bytes && MessageHeaders.TryParse(bytes, out var value))
            {
                return value;
            }
        }

        return 0;
    }
}
