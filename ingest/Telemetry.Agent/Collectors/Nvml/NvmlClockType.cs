namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlClockType_t</c>.</summary>
internal enum NvmlClockType
{
    /// <summary>NVML_CLOCK_GRAPHICS.</summary>
    Graphics = 0,
    /// <summary>NVML_CLOCK_SM.</summary>
    Sm = 1,
    /// <summary>NVML_CLOCK_MEM.</summary>
    Mem = 2,
    /// <summary>NVML_CLOCK_VIDEO.</summary>
    Video = 3,
}
