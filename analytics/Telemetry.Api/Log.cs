using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Api;

/// <summary>The API's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "{Path} could not be answered: the query store failed")]
    public static partial void QueryFailed(ILogger logger, PathString path, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Path} refused with {Status}: {Title}")]
    public static partial void Refused(ILogger logger, PathString path, int status, string title);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Telemetry API listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The telemetry API, web view and /metrics on {Url} are reachable beyond this machine's loopback and have no authentication of their own: anyone who reaches this address reads the fleet's data. Keep it on a trusted network (a pod's, behind a NetworkPolicy) or put an authenticating proxy in front")]
    public static partial void ListeningBeyondLoopback(ILogger logger, string url);
}
