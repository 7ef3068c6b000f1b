using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// <c>nvmlGpmMetric_t</c>: 40 bytes on 64-bit. Its anonymous <c>metricInfo</c> struct of three <c>char*</c> is laid out
/// flat here: same offsets, same alignment.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlGpmMetric
{
    /// <summary>IN: the NVML_GPM_METRIC_* to compute.</summary>
    public uint MetricId;

    /// <summary>OUT: this metric's result; <see cref="Value"/> is valid only on success.</summary>
    public NvmlReturn NvmlReturn;

    /// <summary>OUT: the value.</summary>
    public double Value;

    /// <summary>OUT: metricInfo.shortName, owned by NVML; may be null.</summary>
    public nint ShortName;

    /// <summary>OUT: metricInfo.longName.</summary>
    public nint LongName;

    /// <summary>OUT: metricInfo.unit.</summary>
    public nint Unit;
}
