namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlMemoryErrorType_t</c>.</summary>
internal enum NvmlMemoryErrorType
{
    /// <summary>NVML_MEMORY_ERROR_TYPE_CORRECTED: single-bit ECC errors.</summary>
    Corrected = 0,
    /// <summary>NVML_MEMORY_ERROR_TYPE_UNCORRECTED: double-bit ECC errors.</summary>
    Uncorrected = 1,
}
