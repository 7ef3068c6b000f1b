using Telemetry.Agent.Hosting;

namespace Telemetry.Agent.Host;

/// <summary>The node agent's lines as plain text, for a service manager's journal or a container's log.</summary>
internal sealed class StreamAgentConsole(TextWriter output) : IAgentConsole
{
    public void Line(string text) => output.WriteLine(text);

    public void Problem(string subject, string detail) => output.WriteLine(subject + " " + detail);
}
