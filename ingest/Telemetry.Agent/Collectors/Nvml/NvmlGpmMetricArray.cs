using System.Runtime.CompilerServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary><c>nvmlGpmMetric_t metrics[NVML_GPM_METRIC_MAX]</c>, NVML_GPM_METRIC_MAX being 98 in nvml.h 12.2.140.</summary>
[InlineArray(Length)]
internal struct NvmlGpmMetricArray
{
    /// <summary>NVML_GPM_METRIC_MAX.</summary>
    public const int Length = 98;

    private NvmlGpmMetric _element;
}
