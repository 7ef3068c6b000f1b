using Confluent.Kafka;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// A message as the handler sees it: where it came from, its value and headers, and when it arrived. The value may lie in
/// the consumer's reused buffer (<see cref="ReusedPayloadDeserializer"/>): valid until the next message is consumed, so
/// a message kept longer is kept as its <see cref="Owned"/> copy.
/// </summary>
internal sealed record ConsumedMessage(SourcePartition Source, long Offset, ReadOnlyMemory<byte>? Value, Headers? Headers, long ArrivedTimestamp)
{
    /// <summary>This message with a value of its own, to keep past the next message consumed.</summary>
    public ConsumedMessage Owned() => this with { Value = Value?.ToArray() };

    public string? Text(string header) =>
        Headers is not null && Headers.TryGetLastBytes(header, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public long? Number(string header) =>
        Headers is not null && Headers.TryGetLastBytes(header, out var bytes) && Contract.Messages.MessageHeaders.TryParse(bytes, out var n) ? n : null;
}
