using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>
/// Uncorrectable memory errors and row remapping. Advice from NVIDIA's GPU memory error management guide
/// (https://docs.nvidia.com/deploy/a100-gpu-mem-error-mgmt/): a remapping is pending until the next GPU reset and
/// affects no later work meanwhile; a remapping failure means the GPU has no spare row left (its RMA threshold).
/// </summary>
internal static class MemoryFindings
{
    public static IEnumerable<HealthFinding> Of(GpuSeries gpu)
    {
        if (Seen(gpu, w => w.EccDbeErrors > 0) is { } dbe)
        {
            var errors = dbe.Sum(w => (long)w.EccDbeErrors);
            yield return gpu.Finding(HealthKinds.EccDoubleBit, HealthSeverity.Critical,
                $"{GpuSeries.Count(errors, "double-bit (uncorrectable) ECC error")} in {GpuSeries.Count(dbe.Count, "window")}",
                "Drain the GPU and reset it (nvidia-smi -r) once its jobs are off: an uncorrectable error needs a reset to clear and to activate "
                + "the row remap. Replace the GPU if the errors recur or row remapping fails.",
                dbe, errors);
        }

        if (Seen(gpu, w => w.UncorrectableRemappedRows > 0) is { } remapped)
        {
            var rows = remapped.Sum(w => (long)w.UncorrectableRemappedRows);
            yield return gpu.Finding(HealthKinds.RowRemapPending, HealthSeverity.Warning,
                $"{GpuSeries.Count(rows, "memory row")} remapped after uncorrectable errors; a remapping takes effect at the next GPU reset",
                "Reset the GPU (nvidia-smi -r) when its jobs finish, so that the remapping takes effect; until then the bad rows are contained.",
                remapped, rows);
        }

        if (Seen(gpu, w => w.RowRemapFailure > 0) is { } failed)
        {
            yield return gpu.Finding(HealthKinds.RowRemapFailure, HealthSeverity.Critical,
                $"row remapping failed: the GPU has no spare memory row left (flag set in {GpuSeries.Count(failed.Count, "window")})",
                "Drain the node and replace the GPU (RMA): further uncorrectable memory errors on it can no longer be repaired.",
                failed, failed.Count);
        }
    }

    private static List<GpuWindow>? Seen(GpuSeries gpu, Func<GpuWindow, bool> predicate)
    {
        List<GpuWindow> seen = [.. gpu.Windows.Where(predicate)];
        return seen.Count > 0 ? seen : null;
    }
}
