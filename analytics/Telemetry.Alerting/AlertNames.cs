namespace Telemetry.Alerting;

/// <summary>The values of the <see cref="AlertLabels.AlertName"/> label, one per rule.</summary>
public static class AlertNames
{
    /// <summary>A job holds a GPU that does nothing.</summary>
    public const string GpuAllocatedIdle = "GpuAllocatedIdle";

    /// <summary>No job holds a GPU, yet its memory is held.</summary>
    public const string GpuZombieMemory = "GpuZombieMemory";

    /// <summary>An XID whose catalog severity is critical.</summary>
    public const string GpuCriticalXid = "GpuCriticalXid";

    /// <summary>Memory (HBM) temperature above its limit.</summary>
    public const string GpuHbmTemperatureHigh = "GpuHbmTemperatureHigh";

    /// <summary>GPU (core) temperature above its limit.</summary>
    public const string GpuTemperatureHigh = "GpuTemperatureHigh";

    /// <summary>Clocks held down by thermal slowdown.</summary>
    public const string GpuThermalThrottling = "GpuThermalThrottling";

    /// <summary>A node seen before sends no GPU windows.</summary>
    public const string AgentSilent = "AgentSilent";

    /// <summary>The pipeline counts lost, late or invalid data.</summary>
    public const string PipelineDataLoss = "PipelineDataLoss";

    /// <summary>A team's energy spend crossed its budget for the day or month.</summary>
    public const string TeamEnergyBudgetExceeded = "TeamEnergyBudgetExceeded";
}
