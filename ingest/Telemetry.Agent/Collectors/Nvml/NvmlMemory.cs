using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlMemory_t</c> (version 1, for <c>nvmlDeviceGetMemoryInfo</c>): 24 bytes, all in bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlMemory
{
    /// <summary>Physical device memory.</summary>
    public ulong Total;

    /// <summary>Unallocated device memory.</summary>
    public ulong Free;

    /// <summary>Reserved and allocated device memory.</summary>
    public ulong Used;
}
