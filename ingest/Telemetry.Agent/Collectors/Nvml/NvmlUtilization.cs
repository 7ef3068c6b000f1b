using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlUtilization_t</c>: 8 bytes, two percentages over the driver's last sample period.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlUtilization
{
    /// <summary>Percent of time one or more kernels ran.</summary>
    public uint Gpu;

    /// <summary>Percent of time device memory was read or written.</summary>
    public uint Memory;
}
