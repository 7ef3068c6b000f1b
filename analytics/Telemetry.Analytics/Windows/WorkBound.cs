namespace Telemetry.Analytics.Windows;

/// <summary>What bounds a busy GPU's work over an interval, from its profiling fields.</summary>
public enum WorkBound
{
    /// <summary>Tensor pipes busy.</summary>
    Compute,
    /// <summary>DRAM (HBM) activity high while tensor pipes are not.</summary>
    Memory,
    /// <summary>NVLink or PCIe traffic high while SMs wait.</summary>
    Communication,
    /// <summary>Busy, but none of the above dominates.</summary>
    Mixed,
    /// <summary>Busy, but the GPU reports no profiling fields (nvidia-smi, pre-Hopper NVML).</summary>
    Unknown,
}
