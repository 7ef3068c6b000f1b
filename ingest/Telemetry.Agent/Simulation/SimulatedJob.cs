namespace Telemetry.Agent.Simulation;

/// <summary>A job of the simulated fleet, holding GPUs over <c>[StartUnixMs, StopUnixMs)</c>.</summary>
/// <param name="Id">Job id.</param>
/// <param name="User">User.</param>
/// <param name="Team">Team or cost centre.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Gpus">Fleet-wide indexes of its GPUs.</param>
/// <param name="StartUnixMs">Allocation start.</param>
/// <param name="StopUnixMs">Allocation end (exclusive).</param>
public sealed record SimulatedJob(string Id, string User, string Team, SimulatedJobKind Kind, IReadOnlyList<int> Gpus, long StartUnixMs, long StopUnixMs)
{
    /// <summary>Whether the job holds its GPUs at this time.</summary>
    public bool IsActiveAt(long unixMs) => unixMs >= StartUnixMs && unixMs < StopUnixMs;
}
