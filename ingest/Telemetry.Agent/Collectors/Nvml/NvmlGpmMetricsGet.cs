using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// <c>nvmlGpmMetricsGet_t</c>: 3944 bytes with nvml.h 12.2.140's 98 metric slots. Later headers enlarge the array
/// without changing <see cref="CurrentVersion"/>; NVML reads only the first <see cref="NumMetrics"/> slots, so the
/// offsets that matter (and this struct) stay valid.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlGpmMetricsGet
{
    /// <summary>NVML_GPM_METRICS_GET_VERSION.</summary>
    public const uint CurrentVersion = 1;

    /// <summary>IN: <see cref="CurrentVersion"/>.</summary>
    public uint Version;

    /// <summary>IN: how many of <see cref="Metrics"/> to compute.</summary>
    public uint NumMetrics;

    /// <summary>IN: the earlier sample (<c>nvmlGpmSample_t</c>).</summary>
    public nint Sample1;

    /// <summary>IN: the later sample.</summary>
    public nint Sample2;

    /// <summary>IN/OUT: metric ids in, results out.</summary>
    public NvmlGpmMetricArray Metrics;
}
