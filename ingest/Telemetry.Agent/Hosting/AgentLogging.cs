using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Hosting;

/// <summary>Console logging on standard error, one line a message, so that what a command prints on standard output stays clean.</summary>
public static class AgentLogging
{
    /// <summary>A logger factory that writes <paramref name="minimum"/> and above (Microsoft's own categories from warnings) to standard error.</summary>
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
