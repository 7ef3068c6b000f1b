using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlFieldValue_t</c>: 40 bytes. The caller sets <see cref="FieldId"/>; NVML fills the rest.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlFieldValue
{
    /// <summary>NVML_FI_DEV_MEMORY_TEMP: the memory (HBM) temperature in °C.</summary>
    public const uint MemoryTemperature = 82;

    /// <summary>The NVML_FI_* field to read.</summary>
    public uint FieldId;

    /// <summary>Scope of the field (an NVLink id for link fields); 0 otherwise.</summary>
    public uint ScopeId;

    /// <summary>CPU time of the value, µs since 1970.</summary>
    public long Timestamp;

    /// <summary>How long the value took to update in NVML, µs.</summary>
    public long LatencyUsec;

    /// <summary>Which member of <see cref="Value"/> is set.</summary>
    public NvmlValueType ValueType;

    /// <summary>This field's own result; <see cref="Value"/> is undefined unless it is <see cref="NvmlReturn.Success"/>.</summary>
    public NvmlReturn NvmlReturn;

    /// <summary>The value.</summary>
    public NvmlValue Value;
}
