using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using static Telemetry.Contract.Fields.FieldKind;
using static Telemetry.Contract.Fields.FieldValueType;

namespace Telemetry.Contract.Fields;

/// <summary>
/// The fields the pipeline carries, keyed by DCGM numeric field ID. The order of <see cref="All"/> is the order of
/// the field columns in a sample batch; each field's position in it is its ordinal.
/// </summary>
public static class FieldCatalog
{
    /// <summary>Every field, in column order. New fields go at the end, so that existing ordinals stay as they are.</summary>
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        new(DcgmFieldId.SmClock, "sm_clock", "MHz", Gauge, FloatingPoint, "DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_SM_CLOCK", "SM clock frequency."),
        new(DcgmFieldId.MemClock, "mem_clock", "MHz", Gauge, FloatingPoint, "DCGM_FI_DEV_MEM_CLOCK", "DCGM_FI_DEV_MEM_CLOCK", "Memory clock frequency."),
        new(DcgmFieldId.MaxSmClock, "max_sm_clock", "MHz", Gauge, FloatingPoint, "DCGM_FI_DEV_MAX_SM_CLOCK", "DCGM_FI_DEV_MAX_SM_CLOCK", "Maximum SM clock of the GPU."),
        new(DcgmFieldId.ClocksEventReasons, "clocks_event_reasons", "bitmask", Bitmask, WholeNumber, "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "DCGM_FI_DEV_CLOCKS_EVENT_REASONS", "Why the clocks are below their maximum (idle, power cap, thermal slowdown, ...)."),
        new(DcgmFieldId.MemoryTemp, "memory_temp", "C", Gauge, FloatingPoint, "DCGM_FI_DEV_MEMORY_TEMP", "DCGM_FI_DEV_MEMORY_TEMP_CELSIUS", "Memory (HBM) temperature; 0 on parts without a memory sensor."),
        new(DcgmFieldId.GpuTemp, "gpu_temp", "C", Gauge, FloatingPoint, "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_GPU_TEMP_CELSIUS", "GPU die temperature."),
        new(DcgmFieldId.PowerUsage, "power_usage", "W", Gauge, FloatingPoint, "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_BOARD_POWER_WATTS", "Power draw."),
        new(DcgmFieldId.TotalEnergyConsumption, "total_energy", "mJ", Counter, WholeNumber, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "Energy consumed since the driver was last loaded."),
        new(DcgmFieldId.EnforcedPowerLimit, "power_limit", "W", Gauge, FloatingPoint, "DCGM_FI_DEV_ENFORCED_POWER_LIMIT", "DCGM_FI_DEV_BOARD_POWER_LIMIT_ENFORCED_WATTS", "Power limit the driver enforces."),
        new(DcgmFieldId.PcieReplayCounter, "pcie_replay_count", "count", Counter, WholeNumber, "DCGM_FI_DEV_PCIE_REPLAY_COUNTER", "DCGM_FI_DEV_PCIE_REPLAY_TOTAL", "PCIe retries."),
        new(DcgmFieldId.GpuUtil, "gpu_util", "%", Gauge, FloatingPoint, "DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_GPU_UTIL_RATIO", "Share of time a kernel was running."),
        new(DcgmFieldId.MemCopyUtil, "mem_copy_util", "%", Gauge, FloatingPoint, "DCGM_FI_DEV_MEM_COPY_UTIL", "DCGM_FI_DEV_MEM_COPY_UTIL", "Share of time device memory was read or written."),
        new(DcgmFieldId.XidErrors, "xid", "code", Gauge, WholeNumber, "DCGM_FI_DEV_XID_ERRORS", "DCGM_FI_DEV_XID_ERROR", "Code of the last XID error; 0 when none."),
        new(DcgmFieldId.FbTotal, "fb_total", "MiB", Gauge, FloatingPoint, "DCGM_FI_DEV_FB_TOTAL", "DCGM_FI_DEV_FB_TOTAL", "Framebuffer (HBM) size."),
        new(DcgmFieldId.FbFree, "fb_free", "MiB", Gauge, FloatingPoint, "DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_FB_FREE", "Framebuffer memory free."),
        new(DcgmFieldId.FbUsed, "fb_used", "MiB", Gauge, FloatingPoint, "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_USED", "Framebuffer memory used."),
        new(DcgmFieldId.EccSbeVolatileTotal, "ecc_sbe_volatile", "count", Counter, WholeNumber, "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", "Single-bit ECC errors since the driver was loaded."),
        new(DcgmFieldId.EccDbeVolatileTotal, "ecc_dbe_volatile", "count", Counter, WholeNumber, "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", "Double-bit ECC errors since the driver was loaded."),
        new(DcgmFieldId.GrEngineActive, "gr_engine_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_GR_ENGINE_ACTIVE", "DCGM_FI_PROF_GR_ENGINE_UTIL_RATIO", "Share of time the graphics or compute engine was active."),
        new(DcgmFieldId.SmActive, "sm_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_SM_ACTIVE", "DCGM_FI_PROF_SM_UTIL_RATIO", "Share of cycles an SM had at least one warp assigned."),
        new(DcgmFieldId.SmOccupancy, "sm_occupancy", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_SM_OCCUPANCY", "DCGM_FI_PROF_SM_OCCUPANCY_RATIO", "Resident warps relative to the SM maximum."),
        new(DcgmFieldId.PipeTensorActive, "tensor_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "DCGM_FI_PROF_TENSOR_UTIL_RATIO", "Share of cycles the tensor (HMMA) pipe was active."),
        new(DcgmFieldId.DramActive, "dram_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_DRAM_ACTIVE", "DCGM_FI_PROF_DRAM_UTIL_RATIO", "Share of cycles the device memory interface was active."),
        new(DcgmFieldId.PipeFp64Active, "fp64_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_PIPE_FP64_ACTIVE", "DCGM_FI_PROF_FP64_UTIL_RATIO", "Share of cycles the FP64 pipe was active."),
        new(DcgmFieldId.PipeFp32Active, "fp32_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_PIPE_FP32_ACTIVE", "DCGM_FI_PROF_FP32_UTIL_RATIO", "Share of cycles the FP32 pipe was active."),
        new(DcgmFieldId.PipeFp16Active, "fp16_active", "ratio", Gauge, FloatingPoint, "DCGM_FI_PROF_PIPE_FP16_ACTIVE", "DCGM_FI_PROF_FP16_UTIL_RATIO", "Share of cycles the FP16 pipe was active."),
        new(DcgmFieldId.PcieTxBytes, "pcie_tx_bytes", "B/s", Gauge, FloatingPoint, "DCGM_FI_PROF_PCIE_TX_BYTES", "DCGM_FI_PROF_PCIE_TX_BYTES", "PCIe transmit rate, headers and payload."),
        new(DcgmFieldId.PcieRxBytes, "pcie_rx_bytes", "B/s", Gauge, FloatingPoint, "DCGM_FI_PROF_PCIE_RX_BYTES", "DCGM_FI_PROF_PCIE_RX_BYTES", "PCIe receive rate, headers and payload."),
        new(DcgmFieldId.NvlinkTxBytes, "nvlink_tx_bytes", "B/s", Gauge, FloatingPoint, "DCGM_FI_PROF_NVLINK_TX_BYTES", "DCGM_FI_PROF_NVLINK_TX_BYTES", "NVLink transmit rate, headers and payload."),
        new(DcgmFieldId.NvlinkRxBytes, "nvlink_rx_bytes", "B/s", Gauge, FloatingPoint, "DCGM_FI_PROF_NVLINK_RX_BYTES", "DCGM_FI_PROF_NVLINK_RX_BYTES", "NVLink receive rate, headers and payload."),
        new(DcgmFieldId.UncorrectableRemappedRows, "uncorrectable_remapped_rows", "count", Counter, WholeNumber, "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS", "DCGM_FI_DEV_ROW_REMAP_UNCORRECTABLE_TOTAL", "Rows of device memory remapped after uncorrectable errors; a new remapping takes effect at the next GPU reset."),
        new(DcgmFieldId.CorrectableRemappedRows, "correctable_remapped_rows", "count", Counter, WholeNumber, "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS", "DCGM_FI_DEV_ROW_REMAP_CORRECTABLE_TOTAL", "Rows of device memory remapped after correctable errors."),
        new(DcgmFieldId.RowRemapFailure, "row_remap_failure", "flag", Gauge, WholeNumber, "DCGM_FI_DEV_ROW_REMAP_FAILURE", "DCGM_FI_DEV_ROW_REMAP_FAILED", "1 once remapping a row of device memory has failed (no spare row left), else 0."),
    ];

    private static readonly FrozenDictionary<ushort, int> OrdinalById =
        All.Select((f, i) => (f.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i);

    private static readonly FrozenDictionary<string, FieldDefinition> ByAnyName = All
        .SelectMany(f => new[] { (f.Name, f), (f.DcgmName, f), (f.Dcgm4Name, f) })
        .DistinctBy(p => p.Item1, StringComparer.Ordinal)
        .ToFrozenDictionary(p => p.Item1, p => p.f, StringComparer.Ordinal);

    /// <summary>Number of fields, and so of field columns in a sample batch.</summary>
    public static int Count => All.Count;

    /// <summary>The field with this DCGM ID.</summary>
    /// <exception cref="KeyNotFoundException">The ID is not in the catalog.</exception>
    public static FieldDefinition Get(ushort id) =>
        TryGet(id, out var field) ? field : throw new KeyNotFoundException($"DCGM field ID {id} is not in the field catalog.");

    /// <summary>Looks a field up by DCGM ID.</summary>
    public static bool TryGet(ushort id, [NotNullWhen(true)] out FieldDefinition? field)
    {
        field = OrdinalById.TryGetValue(id, out var ordinal) ? All[ordinal] : null;
        return field is not null;
    }

    /// <summary>Looks a field up by canonical name, classic DCGM name or DCGM 4.x name (case-sensitive, as DCGM spells them).</summary>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out FieldDefinition? field) =>
        ByAnyName.TryGetValue(name, out field);

    /// <summary>The field's position in <see cref="All"/> and in a sample batch's field columns.</summary>
    /// <exception cref="KeyNotFoundException">The ID is not in the catalog.</exception>
    public static int OrdinalOf(ushort id) =>
        OrdinalById.TryGetValue(id, out var ordinal) ? ordinal : throw new KeyNotFoundException($"DCGM field ID {id} is not in the field catalog.");
}
