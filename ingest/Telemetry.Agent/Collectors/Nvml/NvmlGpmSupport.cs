using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlGpmSupport_t</c>: 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlGpmSupport
{
    /// <summary>NVML_GPM_SUPPORT_VERSION.</summary>
    public const uint CurrentVersion = 1;

    /// <summary>Set to <see cref="CurrentVersion"/> before the call.</summary>
    public uint Version;

    /// <summary>Non-zero when the device supports GPM (Hopper and later).</summary>
    public uint IsSupportedDevice;
}
