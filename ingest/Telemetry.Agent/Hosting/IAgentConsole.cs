namespace Telemetry.Agent.Hosting;

/// <summary>Where a node agent's start and end lines go: a terminal through Spectre.Console, or plain standard output.</summary>
public interface IAgentConsole
{
    /// <summary>A line of plain text.</summary>
    void Line(string text);

    /// <summary>A problem: <paramref name="subject"/> stands out (red on a terminal), <paramref name="detail"/> follows it.</summary>
    void Problem(string subject, string detail);
}
