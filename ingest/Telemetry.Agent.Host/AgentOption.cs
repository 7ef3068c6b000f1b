namespace Telemetry.Agent.Host;

/// <summary>One option of <c>telemetry-agent</c>: its name, what its value looks like (null for none), and its help.</summary>
internal sealed record AgentOption(string Name, string? Value, string Help, string? Default = null, bool Repeatable = false);
