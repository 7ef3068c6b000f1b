namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlValueType_t</c>: which member of <see cref="NvmlValue"/> a field value fills.</summary>
internal enum NvmlValueType
{
    /// <summary>NVML_VALUE_TYPE_DOUBLE.</summary>
    Double = 0,
    /// <summary>NVML_VALUE_TYPE_UNSIGNED_INT.</summary>
    UnsignedInt = 1,
    /// <summary>NVML_VALUE_TYPE_UNSIGNED_LONG (64 bits on Linux).</summary>
    UnsignedLong = 2,
    /// <summary>NVML_VALUE_TYPE_UNSIGNED_LONG_LONG.</summary>
    UnsignedLongLong = 3,
    /// <summary>NVML_VALUE_TYPE_SIGNED_LONG_LONG.</summary>
    SignedLongLong = 4,
    /// <summary>NVML_VALUE_TYPE_SIGNED_INT.</summary>
    SignedInt = 5,
    /// <summary>NVML_VALUE_TYPE_UNSIGNED_SHORT (newer headers than 12.2).</summary>
    UnsignedShort = 6,
}
