using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Telemetry.Agent;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Agent {AgentId}: delivery to {Topic} failed ({Code}): {Reason}; {Rows} sample rows affected")]
    public static partial void DeliveryFailed(ILogger logger, string agentId, string topic, ErrorCode code, string reason, int rows);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Collector {Collector} is unavailable: {Reason}")]
    public static partial void CollectorUnavailable(ILogger logger, string collector, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Collector {Collector} failed a collection: {Reason}. Further failures of this kind are counted, not logged.")]
    public static partial void CollectionFailed(ILogger logger, string collector, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Agent {AgentId}: {Pending} messages still undelivered after flushing for {Seconds} s")]
    public static partial void FlushIncomplete(ILogger logger, string agentId, int pending, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Spool {Directory}: recovered {Messages} unacknowledged messages ({Rows} sample rows) in {Segments} segments; they are sent first")]
    public static partial void SpoolRecovered(ILogger logger, string directory, long messages, long rows, int segments);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Spool segment {Path}: cut {Bytes} bytes of an incomplete or damaged record at its end")]
    public static partial void SpoolTornTail(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Spool {Directory} {Reason}: dropped {Messages} messages ({Rows} sample rows) with segment {Segment}; {InFlight} more of it are lost if their delivery fails")]
    public static partial void SpoolDropped(ILogger logger, string directory, string reason, long messages, long rows, string segment, int inFlight);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Spool {Directory}: could not {Operation}")]
    public static partial void SpoolIoFailed(ILogger logger, string directory, string operation, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Agent {AgentId}: {Reason}; {InFlight} unacknowledged and all new messages go to the spool")]
    public static partial void Spooling(ILogger logger, string agentId, string reason, int inFlight);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Agent {AgentId}: Kafka acknowledges again; sending {Pending} spooled messages, oldest first")]
    public static partial void Draining(ILogger logger, string agentId, long pending);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Agent {AgentId}: spool empty; sending straight to Kafka again")]
    public static partial void SpoolDrained(ILogger logger, string agentId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Agent {AgentId}: lost message {Seq} of {Topic} ({Rows} sample rows): {Reason}")]
    public static partial void MessageLost(ILogger logger, string agentId, string topic, long seq, int rows, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Agent {AgentId}: after flushing for {Seconds} s, {Pending} messages are still unacknowledged; they stay in the spool")]
    public static partial void LeftInSpool(ILogger logger, string agentId, double seconds, int pending);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Agent {AgentId}: sending from the spool failed; trying again")]
    public static partial void DrainFailed(ILogger logger, string agentId, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "The agent's endpoint {Url} is reachable beyond this node's loopback and has no authentication: anyone who reaches it can post throughput and allocations, which change what jobs are charged. Keep it on loopback (the default) unless the network is trusted")]
    public static partial void EndpointBeyondLoopback(ILogger logger, Uri url);
}
