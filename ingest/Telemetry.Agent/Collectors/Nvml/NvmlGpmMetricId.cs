namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>The <c>nvmlGpmMetricId_t</c> values the collector asks for. Utilizations are percent (0 to 100), rates MiB/s.</summary>
internal enum NvmlGpmMetricId
{
    /// <summary>NVML_GPM_METRIC_GRAPHICS_UTIL: time any compute or graphics work was active.</summary>
    GraphicsUtil = 1,
    /// <summary>NVML_GPM_METRIC_SM_UTIL: SMs that were busy.</summary>
    SmUtil = 2,
    /// <summary>NVML_GPM_METRIC_SM_OCCUPANCY: active warps against the theoretical maximum.</summary>
    SmOccupancy = 3,
    /// <summary>NVML_GPM_METRIC_ANY_TENSOR_UTIL: time the SMs did any tensor work.</summary>
    AnyTensorUtil = 5,
    /// <summary>NVML_GPM_METRIC_DRAM_BW_UTIL: DRAM bandwidth against the theoretical maximum.</summary>
    DramBwUtil = 10,
    /// <summary>NVML_GPM_METRIC_FP64_UTIL: non-tensor FP64 math.</summary>
    Fp64Util = 11,
    /// <summary>NVML_GPM_METRIC_FP32_UTIL: non-tensor FP32 math.</summary>
    Fp32Util = 12,
    /// <summary>NVML_GPM_METRIC_FP16_UTIL: non-tensor FP16 math.</summary>
    Fp16Util = 13,
    /// <summary>NVML_GPM_METRIC_PCIE_TX_PER_SEC: PCIe traffic from the GPU, MiB/s.</summary>
    PcieTxPerSec = 20,
    /// <summary>NVML_GPM_METRIC_PCIE_RX_PER_SEC: PCIe traffic to the GPU, MiB/s.</summary>
    PcieRxPerSec = 21,
    /// <summary>NVML_GPM_METRIC_NVLINK_TOTAL_RX_PER_SEC: NVLink reads over all links, MiB/s.</summary>
    NvlinkTotalRxPerSec = 60,
    /// <summary>NVML_GPM_METRIC_NVLINK_TOTAL_TX_PER_SEC: NVLink writes over all links, MiB/s.</summary>
    NvlinkTotalTxPerSec = 61,
}
