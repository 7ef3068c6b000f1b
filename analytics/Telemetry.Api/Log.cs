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
}
