using Confluent.Kafka;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Consuming;

/// <summary>A message as the handler sees it: where it came from, its value and headers, and when it arrived.</summary>
internal sealed record ConsumedMessage(SourcePartition Source, long Offset, byte[]? Value, Headers? Headers, long ArrivedTimestamp)
{
    public string? Text(string header) =>
        Headers is not null && Headers.TryGetLastBytes(header, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public long? Number(string header) =>
        Headers is not null && Headers.TryGetLastBytes(header, out var bytes) && Contract.Messages.MessageHeaders.TryParse(bytes, out var n) ? n : null;
}
