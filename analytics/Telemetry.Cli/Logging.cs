using Microsoft.Extensions.Logging;
using Telemetry.Agent.Hosting;

namespace Telemetry.Cli;

/// <summary>Console logging on standard error, so that tables and JSON on standard output stay clean; the agent's own host logs the same way.</summary>
internal static class Logging
{
    public static ILoggerFactory Create(LogLevel minimum = LogLevel.Warning) => AgentLogging.Create(minimum);
}
