using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Telemetry.Agent;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Agent {AgentId}: delivery to {Topic} failed ({Code}): {Reason}; {Rows} sample rows affected")]
    public static partial void DeliveryFailed(ILogger logger, string agentId, string topic, ErrorCode code, string reason, int rows);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Agent {AgentId}: {Pending} messages still undelivered after flushing for {Seconds} s")]
    public static partial void FlushIncomplete(ILogger logger, string agentId, int pending, double seconds);
}
