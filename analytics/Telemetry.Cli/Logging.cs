using Microsoft.Extensions.Logging;

namespace Telemetry.Cli;

/// <summary>Console logging on standard error, so that tables and JSON on standard output stay clean.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Warning) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        }));
}
