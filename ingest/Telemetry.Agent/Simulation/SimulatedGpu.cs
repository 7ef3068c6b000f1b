using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Simulation;

/// <summary>One simulated GPU: its identity and the state that carries from one second to the next.</summary>
internal sealed class SimulatedGpu(int globalIndex, int node, GpuIdentity identity, GpuModelSpec model, long energyMilliJoules)
{
    public int GlobalIndex { get; } = globalIndex;
    public int Node { get; } = node;
    public GpuIdentity Identity { get; } = identity;
    public GpuModelSpec Model { get; } = model;

    /// <summary>The energy counter as the driver would report it.</summary>
    public long EnergyMilliJoules { get; set; } = energyMilliJoules;

    /// <summary>Power at the previous second, for the trapezoid the counter advances by.</summary>
    public double LastPowerWatts { get; set; } = double.NaN;

    /// <summary>The job holding the GPU at the previous second, if any.</summary>
    public SimulatedJob? LastJob { get; set; }

    /// <summary>Held memory with no job (a zombie process).</summary>
    public bool Zombie { get; set; }

    /// <summary>When the GPU raises an XID, and which.</summary>
    public (long AtUnixMs, int Code)? Xid { get; set; }

    /// <summary>Interval of a thermal slowdown.</summary>
    public (long FromUnixMs, long ToUnixMs)? ThermalThrottle { get; set; }

    /// <summary>The current readings, one per catalog field.</summary>
    public double?[] Readings { get; } = new double?[Telemetry.Contract.Fields.FieldCatalog.Count];
}
