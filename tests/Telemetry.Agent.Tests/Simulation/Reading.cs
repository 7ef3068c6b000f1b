using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>One decoded sample row: a GPU's readings at one second.</summary>
internal sealed record Reading(long UnixMs, GpuIdentity Gpu, long EnergyMilliJoules, IReadOnlyList<double?> Values)
{
    public double Value(int ordinal) =>
        Values[ordinal] ?? throw new InvalidOperationException($"{Gpu.Uuid} has no {FieldCatalog.All[ordinal].Name} at {UnixMs}.");

    public ClockEventReasons ClockEventReasons => (ClockEventReasons)(long)Value(FieldOrdinals.ClocksEventReasons);
}
