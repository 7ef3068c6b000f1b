using Microsoft.Extensions.Logging;

namespace Telemetry.Analytics;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Skipping a bad message on {Source} at offset {Offset} ({Cause}): {Problem}. Further messages with this cause are counted, not logged.")]
    public static partial void BadMessage(ILogger logger, string source, long offset, string cause, string problem);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Agent {AgentId} on {Topic}: {Missing} messages missing before sequence {Sequence}")]
    public static partial void SequenceGap(ILogger logger, string agentId, string topic, long missing, long sequence);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "{Source}: offset jumped from {Expected} to {Actual}; {Skipped} messages were lost before they were read")]
    public static partial void OffsetJump(ILogger logger, string source, long expected, long actual, long skipped);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartition> partitions);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}")]
    public static partial void Revoked(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Partitions lost: {Partitions}; nothing of them is committed")]
    public static partial void Lost(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Writing window {WindowStart} to the ledger failed; offsets stay where they are and the window is retried")]
    public static partial void LedgerWriteFailed(ILogger logger, Exception exception, DateTimeOffset windowStart);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Kafka consumer error: {Reason}")]
    public static partial void ConsumerError(ILogger logger, string reason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Agent {AgentId}: a sample batch waited {Seconds} s for allocation event {Needed} (applied: {Applied}); attributing it with what is known")]
    public static partial void AttributionTimeout(ILogger logger, string agentId, double seconds, long needed, long applied);

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "InfluxDB write failed ({Problem}); retry {Attempt} in {Seconds:0.0} s")]
    public static partial void InfluxRetry(ILogger logger, int attempt, double seconds, string problem);

    [LoggerMessage(EventId = 121, Level = LogLevel.Error, Message = "InfluxDB rejected {Points} points of window {WindowStart}; they are in {Path}. First reason: {Reason}")]
    public static partial void InfluxDeadLettered(ILogger logger, int points, DateTimeOffset windowStart, string path, string reason);

    [LoggerMessage(EventId = 122, Level = LogLevel.Error, Message = "Writing window {WindowStart} to {Sink} failed; it is kept, offsets stay where they are, and consumption pauses until it is written. {Problem}")]
    public static partial void SinkWriteFailed(ILogger logger, DateTimeOffset windowStart, string sink, string problem);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information, Message = "{Sink} is writable again; {Windows} held windows written, consumption resumes")]
    public static partial void SinkRecovered(ILogger logger, string sink, int windows);
}
