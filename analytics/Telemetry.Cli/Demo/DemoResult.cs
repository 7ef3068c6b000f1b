using Telemetry.Agent.Simulation;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Demo;

/// <summary>The demo's report and the simulator's truth beside it.</summary>
internal sealed record DemoResult(FleetReport Report, IReadOnlyDictionary<string, JobTruth> Truth, double FleetEnergyTruthKwh, TimeSpan Elapsed);
