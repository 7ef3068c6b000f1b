using Telemetry.Agent.Simulation;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Demo;

/// <summary>The demo's report and the simulator's truth beside it.</summary>
internal sealed record DemoResult(FleetReport Report, IReadOnlyDictionary<string, JobTruth> Truth, double FleetEnergyTruthKwh, TimeSpan Elapsed)
{
    /// <summary>Per agent: what it produced and where those samples went (produced = received terms + lost).</summary>
    public IReadOnlyList<AgentBalance> Agents { get; init; } = [];
}

/// <summary>One agent's samples balanced: produced = aggregated + late + invalid + duplicate + future + lost.</summary>
internal sealed record AgentBalance(string AgentId, long Produced, Telemetry.Analytics.Consuming.AgentSamples Received)
{
    public long Lost => Produced - Received.Total;
}
