using Telemetry.Agent.Hosting;

namespace Telemetry.Cli;

/// <summary>Durations as people type them (<c>90s</c>, <c>30m</c>, <c>1h30m</c>, <c>hh:mm:ss</c>), read as the agent's own host reads them.</summary>
internal static class DurationParser
{
    /// <summary>Parses a duration that validation has already accepted.</summary>
    public static TimeSpan Parse(string text) => DurationText.Parse(text);

    public static bool TryParse(string? text, out TimeSpan duration) => DurationText.TryParse(text, out duration);
}
