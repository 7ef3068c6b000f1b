using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlValue_t</c>: an 8-byte union; <see cref="NvmlValueType"/> says which member holds the value.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct NvmlValue
{
    /// <summary>dVal.</summary>
    [FieldOffset(0)] public double Double;

    /// <summary>siVal.</summary>
    [FieldOffset(0)] public int SignedInt;

    /// <summary>uiVal.</summary>
    [FieldOffset(0)] public uint UnsignedInt;

    /// <summary>ulVal and ullVal (unsigned long is 64 bits on Linux).</summary>
    [FieldOffset(0)] public ulong UnsignedLong;

    /// <summary>sllVal.</summary>
    [FieldOffset(0)] public long SignedLong;

    /// <summary>usVal.</summary>
    [FieldOffset(0)] public ushort UnsignedShort;
}
