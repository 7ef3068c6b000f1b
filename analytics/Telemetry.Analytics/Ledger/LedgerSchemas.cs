using Telemetry.Analytics.Windows;
using V = Telemetry.Analytics.Ledger.BatchValues;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// The ledger's tables. Column names are the contract for anyone reading the ledger with another Arrow tool;
/// the README documents them.
/// </summary>
internal static class LedgerSchemas
{
    public static LedgerTable<GpuWindow> GpuWindows { get; } = new("gpu-windows",
    [
        ColumnSpec<GpuWindow>.Time("window_start", r => r.WindowStart),
        ColumnSpec<GpuWindow>.Time("window_end", r => r.WindowEnd),
        ColumnSpec<GpuWindow>.Text("node", r => r.Node),
        ColumnSpec<GpuWindow>.Text("gpu_uuid", r => r.GpuUuid),
        ColumnSpec<GpuWindow>.Int32("gpu_index", r => r.GpuIndex),
        ColumnSpec<GpuWindow>.Int32("mig_instance", r => r.MigInstance, nullable: true),
        ColumnSpec<GpuWindow>.Text("gpu_model", r => r.GpuModel),
        ColumnSpec<GpuWindow>.Text("job_id", r => r.JobId, nullable: true),
        ColumnSpec<GpuWindow>.Int32("samples", r => r.Samples),
        ColumnSpec<GpuWindow>.Float64("coverage", r => r.Coverage),
        ColumnSpec<GpuWindow>.Float64("gpu_util_mean", r => r.GpuUtilMean, nullable: true),
        ColumnSpec<GpuWindow>.Float64("gpu_util_max", r => r.GpuUtilMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("sm_active_mean", r => r.SmActiveMean, nullable: true),
        ColumnSpec<GpuWindow>.Float64("sm_active_max", r => r.SmActiveMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("tensor_active_mean", r => r.TensorActiveMean, nullable: true),
        ColumnSpec<GpuWindow>.Float64("dram_active_mean", r => r.DramActiveMean, nullable: true),
        ColumnSpec<GpuWindow>.Float64("power_mean_w", r => r.PowerMean, nullable: true),
        ColumnSpec<GpuWindow>.Float64("power_max_w", r => r.PowerMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("energy_counter_j", r => r.EnergyCounterJoules),
        ColumnSpec<GpuWindow>.Float64("energy_integrated_j", r => r.EnergyIntegratedJoules),
        ColumnSpec<GpuWindow>.Float64("energy_j", r => r.EnergyJoules),
        ColumnSpec<GpuWindow>.Int32("counter_resets", r => r.CounterResets),
        ColumnSpec<GpuWindow>.Int32("gaps", r => r.Gaps),
        ColumnSpec<GpuWindow>.Float64("gpu_temp_max_c", r => r.GpuTempMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("memory_temp_max_c", r => r.MemoryTempMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("fb_used_max_mib", r => r.FbUsedMax, nullable: true),
        ColumnSpec<GpuWindow>.Float64("fb_total_mib", r => r.FbTotal, nullable: true),
        ColumnSpec<GpuWindow>.Int32("xid_count", r => r.XidCount),
        ColumnSpec<GpuWindow>.Int64("xid_last", r => r.XidLast),
        ColumnSpec<GpuWindow>.Float64("throttle_s", r => r.ThrottleSeconds),
        ColumnSpec<GpuWindow>.Float64("busy_s", r => r.BusySeconds),
        ColumnSpec<GpuWindow>.Float64("allocated_s", r => r.AllocatedSeconds),
        ColumnSpec<GpuWindow>.Float64("tflop", r => r.Tflop),
    ],
    ReadGpu);

    public static LedgerTable<JobWindow> JobWindows { get; } = new("job-windows",
    [
        ColumnSpec<JobWindow>.Time("window_start", r => r.WindowStart),
        ColumnSpec<JobWindow>.Time("window_end", r => r.WindowEnd),
        ColumnSpec<JobWindow>.Text("job_id", r => r.JobId),
        ColumnSpec<JobWindow>.Text("user", r => r.User),
        ColumnSpec<JobWindow>.Text("team", r => r.Team),
        ColumnSpec<JobWindow>.Text("gpu_model", r => r.GpuModel, nullable: true),
        ColumnSpec<JobWindow>.Int32("gpus", r => r.Gpus),
        ColumnSpec<JobWindow>.Float64("gpu_seconds", r => r.GpuSeconds),
        ColumnSpec<JobWindow>.Float64("busy_gpu_seconds", r => r.BusyGpuSeconds),
        ColumnSpec<JobWindow>.Float64("energy_j", r => r.EnergyJoules),
        ColumnSpec<JobWindow>.Float64("tflop", r => r.Tflop),
        ColumnSpec<JobWindow>.Int64("tokens", r => r.Tokens),
        ColumnSpec<JobWindow>.Text("throughput_unit", r => r.ThroughputUnit, nullable: true),
        ColumnSpec<JobWindow>.Float64("tensor_energy_j", r => r.TensorEnergyJoules, nullable: true),
        // Derived from the partials above, for readers of the files; the reader recomputes them.
        ColumnSpec<JobWindow>.Float64("idle_gpu_seconds", r => r.IdleGpuSeconds),
        ColumnSpec<JobWindow>.Float64("tokens_per_joule", r => r.TokensPerJoule, nullable: true),
        ColumnSpec<JobWindow>.Float64("tflops_per_watt", r => r.TflopsPerWatt, nullable: true),
    ],
    ReadJob);

    private static GpuWindow ReadGpu(Apache.Arrow.RecordBatch b, int i) => new(
        V.Time(b, "window_start", i),
        V.Time(b, "window_end", i),
        V.Text(b, "node", i),
        V.Text(b, "gpu_uuid", i),
        V.Int32(b, "gpu_index", i),
        V.Int32OrNull(b, "mig_instance", i),
        V.Text(b, "gpu_model", i),
        V.TextOrNull(b, "job_id", i),
        V.Int32(b, "samples", i),
        V.Float64(b, "coverage", i),
        V.Float64OrNull(b, "gpu_util_mean", i),
        V.Float64OrNull(b, "gpu_util_max", i),
        V.Float64OrNull(b, "sm_active_mean", i),
        V.Float64OrNull(b, "sm_active_max", i),
        V.Float64OrNull(b, "tensor_active_mean", i),
        V.Float64OrNull(b, "dram_active_mean", i),
        V.Float64OrNull(b, "power_mean_w", i),
        V.Float64OrNull(b, "power_max_w", i),
        V.Float64(b, "energy_counter_j", i),
        V.Float64(b, "energy_integrated_j", i),
        V.Float64(b, "energy_j", i),
        V.Int32(b, "counter_resets", i),
        V.Int32(b, "gaps", i),
        V.Float64OrNull(b, "gpu_temp_max_c", i),
        V.Float64OrNull(b, "memory_temp_max_c", i),
        V.Float64OrNull(b, "fb_used_max_mib", i),
        V.Float64OrNull(b, "fb_total_mib", i),
        V.Int32(b, "xid_count", i),
        V.Int64(b, "xid_last", i),
        V.Float64(b, "throttle_s", i),
        V.Float64(b, "busy_s", i),
        V.Float64(b, "allocated_s", i),
        V.Float64(b, "tflop", i));

    private static JobWindow ReadJob(Apache.Arrow.RecordBatch b, int i) => new(
        V.Time(b, "window_start", i),
        V.Time(b, "window_end", i),
        V.Text(b, "job_id", i),
        V.Text(b, "user", i),
        V.Text(b, "team", i),
        V.TextOrNull(b, "gpu_model", i),
        V.Int32(b, "gpus", i),
        V.Float64(b, "gpu_seconds", i),
        V.Float64(b, "busy_gpu_seconds", i),
        V.Float64(b, "energy_j", i),
        V.Float64(b, "tflop", i),
        V.Int64(b, "tokens", i),
        V.TextOrNull(b, "throughput_unit", i),
        V.Float64OrNullIfAbsent(b, "tensor_energy_j", i));
}
