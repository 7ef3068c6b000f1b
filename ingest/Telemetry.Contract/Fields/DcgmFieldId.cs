namespace Telemetry.Contract.Fields;

/// <summary>DCGM numeric field IDs used by the pipeline, as defined in DCGM's <c>dcgm_fields.h</c>.</summary>
public static class DcgmFieldId
{
    /// <summary>DCGM_FI_DEV_SM_CLOCK.</summary>
    public const ushort SmClock = 100;
    /// <summary>DCGM_FI_DEV_MEM_CLOCK.</summary>
    public const ushort MemClock = 101;
    /// <summary>DCGM_FI_DEV_MAX_SM_CLOCK.</summary>
    public const ushort MaxSmClock = 113;
    /// <summary>DCGM_FI_DEV_CLOCK_THROTTLE_REASONS, renamed DCGM_FI_DEV_CLOCKS_EVENT_REASONS.</summary>
    public const ushort ClocksEventReasons = 112;
    /// <summary>DCGM_FI_DEV_MEMORY_TEMP.</summary>
    public const ushort MemoryTemp = 140;
    /// <summary>DCGM_FI_DEV_GPU_TEMP.</summary>
    public const ushort GpuTemp = 150;
    /// <summary>DCGM_FI_DEV_POWER_USAGE.</summary>
    public const ushort PowerUsage = 155;
    /// <summary>DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION.</summary>
    public const ushort TotalEnergyConsumption = 156;
    /// <summary>DCGM_FI_DEV_ENFORCED_POWER_LIMIT.</summary>
    public const ushort EnforcedPowerLimit = 164;
    /// <summary>DCGM_FI_DEV_PCIE_REPLAY_COUNTER.</summary>
    public const ushort PcieReplayCounter = 202;
    /// <summary>DCGM_FI_DEV_GPU_UTIL.</summary>
    public const ushort GpuUtil = 203;
    /// <summary>DCGM_FI_DEV_MEM_COPY_UTIL.</summary>
    public const ushort MemCopyUtil = 204;
    /// <summary>DCGM_FI_DEV_XID_ERRORS.</summary>
    public const ushort XidErrors = 230;
    /// <summary>DCGM_FI_DEV_FB_TOTAL.</summary>
    public const ushort FbTotal = 250;
    /// <summary>DCGM_FI_DEV_FB_FREE.</summary>
    public const ushort FbFree = 251;
    /// <summary>DCGM_FI_DEV_FB_USED.</summary>
    public const ushort FbUsed = 252;
    /// <summary>DCGM_FI_DEV_ECC_SBE_VOL_TOTAL.</summary>
    public const ushort EccSbeVolatileTotal = 310;
    /// <summary>DCGM_FI_DEV_ECC_DBE_VOL_TOTAL.</summary>
    public const ushort EccDbeVolatileTotal = 311;
    /// <summary>DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS, renamed DCGM_FI_DEV_ROW_REMAP_UNCORRECTABLE_TOTAL.</summary>
    public const ushort UncorrectableRemappedRows = 393;
    /// <summary>DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS, renamed DCGM_FI_DEV_ROW_REMAP_CORRECTABLE_TOTAL.</summary>
    public const ushort CorrectableRemappedRows = 394;
    /// <summary>DCGM_FI_DEV_ROW_REMAP_FAILURE, renamed DCGM_FI_DEV_ROW_REMAP_FAILED.</summary>
    public const ushort RowRemapFailure = 395;
    /// <summary>DCGM_FI_PROF_GR_ENGINE_ACTIVE.</summary>
    public const ushort GrEngineActive = 1001;
    /// <summary>DCGM_FI_PROF_SM_ACTIVE.</summary>
    public const ushort SmActive = 1002;
    /// <summary>DCGM_FI_PROF_SM_OCCUPANCY.</summary>
    public const ushort SmOccupancy = 1003;
    /// <summary>DCGM_FI_PROF_PIPE_TENSOR_ACTIVE.</summary>
    public const ushort PipeTensorActive = 1004;
    /// <summary>DCGM_FI_PROF_DRAM_ACTIVE.</summary>
    public const ushort DramActive = 1005;
    /// <summary>DCGM_FI_PROF_PIPE_FP64_ACTIVE.</summary>
    public const ushort PipeFp64Active = 1006;
    /// <summary>DCGM_FI_PROF_PIPE_FP32_ACTIVE.</summary>
    public const ushort PipeFp32Active = 1007;
    /// <summary>DCGM_FI_PROF_PIPE_FP16_ACTIVE.</summary>
    public const ushort PipeFp16Active = 1008;
    /// <summary>DCGM_FI_PROF_PCIE_TX_BYTES.</summary>
    public const ushort PcieTxBytes = 1009;
    /// <summary>DCGM_FI_PROF_PCIE_RX_BYTES.</summary>
    public const ushort PcieRxBytes = 1010;
    /// <summary>DCGM_FI_PROF_NVLINK_TX_BYTES.</summary>
    public const ushort NvlinkTxBytes = 1011;
    /// <summary>DCGM_FI_PROF_NVLINK_RX_BYTES.</summary>
    public const ushort NvlinkRxBytes = 1012;
}
