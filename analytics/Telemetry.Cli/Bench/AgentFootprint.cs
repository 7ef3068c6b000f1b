namespace Telemetry.Cli.Bench;

/// <summary>What the agent benchmark measured over one window: the JIT agent, the ahead-of-time compiled one, the runtime's floor.</summary>
/// <param name="Jit">The agent run by the <c>telemetry</c> command (JIT).</param>
/// <param name="Aot">The <c>telemetry-agent</c> binary, ahead-of-time compiled; null when it could not be published.</param>
/// <param name="Floor">The <c>telemetry</c> command idle.</param>
/// <param name="AotProblem">Why there is no <paramref name="Aot"/> figure.</param>
internal sealed record AgentFootprint(FootprintResult Jit, FootprintResult? Aot, FootprintResult Floor, string? AotProblem);
