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
}
