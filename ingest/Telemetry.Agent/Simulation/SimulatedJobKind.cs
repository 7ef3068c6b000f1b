namespace Telemetry.Agent.Simulation;

/// <summary>What a simulated allocation does with its GPUs.</summary>
public enum SimulatedJobKind
{
    /// <summary>Training: tensor pipes busy, high power, periodic checkpoint stalls; reports no throughput.</summary>
    Training,
    /// <summary>Inference: bursty load; reports tokens.</summary>
    Inference,
    /// <summary>Allocated but idle: a reservation nobody uses.</summary>
    AllocatedIdle,
    /// <summary>Memory parked: HBM nearly full, SMs idle.</summary>
    MemoryParked,
}
