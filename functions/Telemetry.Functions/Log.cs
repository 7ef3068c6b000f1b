using Microsoft.Extensions.Logging;

namespace Telemetry.Functions;

/// <summary>The Functions app's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Alert timer: nothing to do, {Setting} is not configured")]
    public static partial void FeedOff(ILogger logger, string setting);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Alert timer: {Windows} new window(s) observed, {Open} alert(s) firing, {Delivered} delivery(ies) made")]
    public static partial void Fed(ILogger logger, int windows, int open, int delivered);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Alert timer is running late (past due)")]
    public static partial void TimerLate(ILogger logger);
}
