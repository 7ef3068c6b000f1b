using Microsoft.Extensions.Logging;

namespace Telemetry.Cli;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Sending alert notifications failed; they stay in the outbox and are tried again")]
    public static partial void AlertingTickFailed(ILogger logger, Exception exception);
}
