namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlEccCounterType_t</c>.</summary>
internal enum NvmlEccCounterType
{
    /// <summary>NVML_VOLATILE_ECC: since the driver was last loaded.</summary>
    Volatile = 0,
    /// <summary>NVML_AGGREGATE_ECC: over the GPU's life.</summary>
    Aggregate = 1,
}
