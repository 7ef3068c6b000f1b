using Spectre.Console;
using Telemetry.Agent.Hosting;

namespace Telemetry.Cli.Commands;

/// <summary>The node agent's lines on a Spectre.Console console, its problems' subjects in red.</summary>
internal sealed class SpectreAgentConsole(IAnsiConsole console) : IAgentConsole
{
    public void Line(string text) => console.WriteLine(text);

    public void Problem(string subject, string detail) => console.MarkupLineInterpolated($"[red]{subject}[/] {detail}");
}
