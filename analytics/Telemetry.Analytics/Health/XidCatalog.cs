using System.Collections.Frozen;
using static Telemetry.Analytics.Health.HealthSeverity;
using static Telemetry.Analytics.Health.XidCategory;

namespace Telemetry.Analytics.Health;

/// <summary>
/// The common XIDs of data-centre GPUs (Ampere and later) with what they mean and what to do about them.
/// </summary>
/// <remarks>
/// Sources, for every entry:
/// <list type="bullet">
/// <item>Mnemonic and resolution bucket (NVIDIA's "immediate action"): NVIDIA's XID catalog,
/// https://docs.nvidia.com/deploy/xid-errors/analyzing-xid-catalog.html, as shipped in NVIDIA/NVSentinel
/// <c>distros/kubernetes/nvsentinel/charts/gpu-health-monitor/xiderrorsmapping.csv</c>
/// (commit 6f8b0fcfa8e502bdda78fabf96facef729a9285b).</item>
/// <item>Description, likely causes and the per-XID advice (13, 31, 32, 43, 45, 48, 63, 64, 74, 79, 94, 95, 119, 120,
/// 121, 140): NVIDIA's "Xid Errors" document, https://docs.nvidia.com/deploy/xid-errors/index.html (XID listing and
/// "Common Xid Errors"); 154: the same catalog's <c>XID_154</c> bucket ("follow the action the message names").</item>
/// </list>
/// Severity follows the bucket: a reset, power cycle or support case (the catalog's fatal XIDs) is critical; a lost job
/// on a healthy GPU (<c>RESTART_APP</c>) is a warning; <c>IGNORE</c> is information. Two exceptions, said where they
/// are: 61 (a warning by name, bucket "report issue") and 154 (its severity is that of the action its message names,
/// which the XID field does not carry).
/// </remarks>
public static class XidCatalog
{
    /// <summary>NVIDIA's catalog, for XIDs this table does not hold.</summary>
    public const string CatalogUrl = "https://docs.nvidia.com/deploy/xid-errors/analyzing-xid-catalog.html";

    private const string CheckApplication =
        "Check the application: a fault in user code (out-of-bounds access, illegal instruction or address). Restart the job and debug it "
        + "with compute-sanitizer or cuda-gdb; the GPU needs no repair unless hardware XIDs come with it.";

    private const string GspAction =
        "Reset the GPU (nvidia-smi -r) once the job is off it, or power-cycle the node if it persists; if it comes back after a power "
        + "cycle, update the driver and follow NVIDIA's GPU debug guidelines.";

    /// <summary>The table, by code.</summary>
    public static IReadOnlyDictionary<long, XidEntry> Entries { get; } = new XidEntry[]
    {
        new(13, "ROBUST_CHANNEL_GR_EXCEPTION", "Graphics engine exception: typically an out-of-bounds access or illegal instruction in user code",
            Application, Warning, "RESTART_APP", CheckApplication),
        new(31, "ROBUST_CHANNEL_FIFO_ERROR_MMU_ERR_FLT", "GPU memory page fault: an illegal address access reported by the MMU, typically an application bug",
            Application, Warning, "RESTART_APP", CheckApplication),
        new(32, "ROBUST_CHANNEL_PBDMA_ERROR", "Invalid or corrupted push buffer stream seen by the DMA controller: mostly PCIe signal quality, rarely the application",
            Hardware, Warning, "RESTART_APP", "Restart the job; if it recurs on this GPU, check its PCIe link (replay counter, link width and generation) and reseat the GPU or riser."),
        new(38, "ROBUST_CHANNEL_FECS_ERR_WATCHDOG_TIMEOUT", "Driver firmware error (watchdog timeout); the driver recovered",
            Driver, Info, "IGNORE", "Nothing to do while it stays rare; if it repeats, collect nvidia-bug-report.sh and update the driver."),
        new(43, "ROBUST_CHANNEL_RESETCHANNEL_VERIF_ERROR", "The application hit a software-induced fault and was stopped; the GPU stays healthy",
            Application, Info, "IGNORE", "Check the application: it faulted and was stopped. Nothing to do on the GPU; act on the XID logged just before it, if any."),
        new(45, "ROBUST_CHANNEL_PREEMPTIVE_REMOVAL", "Preemptive cleanup: the driver tore an application down after Ctrl-C, a kill, a GPU reset or an earlier error",
            Informational, Info, "WORKFLOW_XID_45", "Nothing to do on its own: act on the XID that came before it, if any (it often follows XID 48 or 79)."),
        new(46, "ROBUST_CHANNEL_GPU_TIMEOUT_ERROR", "GPU stopped processing (timeout)",
            Driver, Critical, "RESET_GPU", "Reset the GPU (nvidia-smi -r) once the job is off it; if it recurs, update the driver and run DCGM diagnostics (dcgmi diag -r 3)."),
        new(48, "ROBUST_CHANNEL_GPU_ECC_DBE", "Double-bit ECC error: an uncorrectable error in GPU memory, also reported to the application",
            Memory, Critical, "WORKFLOW_XID_48", "Drain the GPU and reset it (nvidia-smi -r) once the job is off it, or reboot the node: only a reset clears the error and "
            + "activates the row remap. Replace the GPU if it recurs or XID 64 or a row-remap failure follows."),
        new(61, "PMU_BREAKPOINT", "Internal micro-controller breakpoint or warning",
            Driver, Warning, "UNEXPECTED_ERR_REPORT_ISSUE", "Collect nvidia-bug-report.sh and report it to NVIDIA; reset the GPU (nvidia-smi -r) if XID 62 follows or it stops responding."),
        new(62, "PMU_HALT_ERROR", "Internal micro-controller halt",
            Driver, Critical, "RESET_GPU", "Reset the GPU (nvidia-smi -r) once the job is off it; if it halts again, update driver and firmware, then replace the GPU."),
        new(63, "INFOROM_DRAM_RETIREMENT_EVENT", "ECC page retirement or row-remapping recording event: memory was marked for retirement after ECC errors",
            Memory, Info, "IGNORE", "No immediate action: the new row remap takes effect at the next GPU reset, so reset the GPU (nvidia-smi -r) when its jobs finish. Watch for XID 64."),
        new(64, "INFOROM_DRAM_RETIREMENT_FAILURE", "ECC page retirement or row-remapper recording failure",
            Memory, Critical, "RESET_GPU", "Drain the GPU and reset it (nvidia-smi -r); if the row-remap failure flag stays set, the GPU is out of spare rows: replace it."),
        new(68, "ROBUST_CHANNEL_NVDEC0_ERROR", "Video decoder (NVDEC0) exception",
            Driver, Warning, "RESTART_APP", "Restart the job that uses the video decoder; if it recurs, check its input stream and update the driver."),
        new(69, "ROBUST_CHANNEL_GR_CLASS_ERROR", "Graphics engine class error: an invalid command reached the engine",
            Driver, Warning, "RESTART_APP", "Restart the job; if it recurs, check the application and the driver version together."),
        new(74, "NVLINK_ERROR", "NVLink error: a problem on a link from this GPU to another GPU or an NVSwitch",
            Interconnect, Critical, "WORKFLOW_NVLINK_ERR", "Drain the node, then reset the GPU or reboot the node; check the links with nvidia-smi nvlink -e. The fault may be at "
            + "the other end of the link; if it recurs after a reset, replace the failing GPU or baseboard."),
        new(79, "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS", "GPU has fallen off the bus: the driver can no longer reach it over PCIe",
            Hardware, Critical, "RESTART_BM", "Drain the node and power-cycle it (a full power cycle, not a reboot). If the GPU falls off the bus again, reseat or "
            + "replace it and check its PCIe slot, riser and power cables."),
        new(92, "EXCESSIVE_SBE_INTERRUPTS", "High single-bit ECC error rate; the errors were corrected",
            Memory, Info, "IGNORE", "No immediate action; watch this GPU for XID 48 or 64 and for rising remapped rows."),
        new(94, "ROBUST_CHANNEL_CONTAINED_ERROR", "Contained ECC error: only the application that hit it is affected",
            Memory, Warning, "RESTART_APP", "Restart the affected job; other jobs run on. Reset the GPU (nvidia-smi -r) when it is free."),
        new(95, "ROBUST_CHANNEL_UNCONTAINED_ERROR", "Uncontained ECC error: every application on the GPU may be affected",
            Memory, Critical, "RESET_GPU", "Drain the GPU and reset it (nvidia-smi -r) before any job restarts on it; replace it if it recurs."),
        new(109, "ROBUST_CHANNEL_CTXSW_TIMEOUT_ERROR", "Context switch timeout (hardware, driver or a long-running application kernel)",
            Driver, Critical, "RESET_GPU", "Reset the GPU (nvidia-smi -r) once the job is off it; if it recurs with the same application, check that application's kernels too."),
        new(119, "GSP_RPC_TIMEOUT", "GSP RPC timeout: the GPU's GSP firmware processor did not answer the driver",
            Driver, Critical, "RESET_GPU", GspAction),
        new(120, "GSP_ERROR", "GSP error: an error in the code running on the GPU's GSP core",
            Driver, Critical, "RESET_GPU", GspAction),
        new(121, "C2C_ERROR", "C2C link corrected error: corrected errors on the NVLink-C2C link to the Grace CPU, with no operational impact",
            Interconnect, Info, "IGNORE", "No immediate action; reset the GPU at the next service window so that the link retrains."),
        new(140, "UNRECOVERABLE_ECC_ERROR_ESCAPE", "Unrecovered ECC error: uncorrectable errors in GPU memory that the driver could not retire or remap",
            Memory, Critical, "RESET_GPU", "Drain the GPU and reset it (nvidia-smi -r); if it persists, have the hardware vendor replace the GPU."),
        new(143, "GPU_INIT_ERROR", "GPU initialization failure",
            Hardware, Critical, "RESET_GPU", "Reset the GPU (nvidia-smi -r) or reboot the node; if it fails to initialize again, reseat or replace it."),

        // Warning, not the bucket's "follow the other XID": the recovery it demands is in the kernel log line only.
        new(154, "GPU_RECOVERY_ACTION_CHANGED", "GPU recovery action changed: the driver names the recovery the GPU now needs (GPU reset, node reboot, drain)",
            Informational, Warning, "XID_154", "Read the XID 154 line in the kernel log (dmesg | grep Xid): it names the recovery, such as 'GPU Reset Required' or "
            + "'Node Reboot Required'; do that once the jobs are off the GPU."),
    }.ToFrozenDictionary(e => e.Code);

    /// <summary>The entry for an XID code; a generic one, pointing to NVIDIA's catalog, for a code the table does not hold.</summary>
    public static XidEntry Find(long code) =>
        Entries.TryGetValue(code, out var entry) ? entry : Unknown(code);

    private static XidEntry Unknown(long code) => new(
        code,
        "UNKNOWN",
        "unknown XID: see NVIDIA's XID catalog",
        Informational,
        Warning,
        "UNKNOWN",
        $"Look XID {code} up in NVIDIA's XID catalog ({CatalogUrl}) and read its kernel log line (dmesg | grep Xid).");
}
