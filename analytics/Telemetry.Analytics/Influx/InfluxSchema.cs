namespace Telemetry.Analytics.Influx;

/// <summary>
/// The measurements the InfluxDB sink writes, with their tags and fields: the one description that the sink, the
/// query store's allowlists and the Grafana dashboards' tests all read. Every point's timestamp is its window's start
/// (millisecond precision), so a replayed window overwrites its points with identical values.
/// </summary>
/// <remarks>
/// Tags are bounded in cardinality: per-GPU measurements are tagged by node, GPU and model only (a job id travels as a
/// field there), and only the per-job measurement is tagged by job, at one point per job per window.
/// Aggregator instances of one consumer group each own some nodes, so two of them can write a partial of the same
/// job, team, waste class or fleet in the same window: those measurements are tagged by <c>instance</c>, readers sum
/// over it, and each instance's partial is kept. Per-GPU and per-node measurements are not: a node belongs to one
/// instance at a time, and a GPU window written again after a rebalance overwrites itself rather than counting twice.
/// </remarks>
public static class InfluxSchema
{
    /// <summary>One point per GPU per window.</summary>
    public static InfluxMeasurement GpuWindow { get; } = new(
        "gpu_window",
        "One GPU over one window: utilization, power, energy, temperatures, memory, errors, the state it spent most of the window in, the job that held it.",
        ["node", "gpu", "uuid", "model", "mig"],
        [
            I("samples"), F("coverage"), F("util_mean"), F("util_max"), F("sm_active_mean"), F("sm_active_max"),
            F("tensor_active_mean"), F("dram_active_mean"), F("power_mean_w"), F("power_max_w"), F("energy_j"),
            F("energy_counter_j"), F("energy_integrated_j"), S("energy_confidence"), I("counter_resets"),
            I("counter_wraps"), I("gaps"), F("gpu_temp_max_c"), F("mem_temp_max_c"), F("fb_used_max_mib"),
            F("fb_total_mib"), I("xid_count"), I("xid_last"), F("throttle_s"), F("thermal_throttle_s"),
            F("power_throttle_s"), F("busy_s"), F("allocated_s"), F("tflop"), I("ecc_dbe"), I("remapped_rows"),
            I("row_remap_failure"), S("state"), S("job_id"), F("cost"),
        ]);

    /// <summary>One point per node, GPU model and state per window.</summary>
    public static InfluxMeasurement GpuState { get; } = new(
        "gpu_state",
        "Time and energy a node's GPUs spent in one state over one window (productive, allocated-idle, memory-parked, zombie, unallocated-idle, unallocated-busy, throttled).",
        ["node", "model", "state"],
        [F("gpu_seconds"), F("energy_j"), I("gpus")]);

    /// <summary>One point per job, window and aggregator instance (the part of the job on that instance's nodes).</summary>
    public static InfluxMeasurement JobWindow { get; } = new(
        "job_window",
        "One job over one window: additive partials (GPU-seconds, joules, TFLOP, tokens) and the ratios derived from them, priced at the job's site.",
        ["job", "team", "user", "model", "site", "currency", "instance"],
        [
            I("gpus"), F("gpu_seconds"), F("busy_gpu_seconds"), F("idle_gpu_seconds"), F("energy_j"), F("tensor_energy_j"), F("tflop"),
            I("tokens"), S("throughput_unit"), F("tokens_per_joule"), F("tflops_per_watt"), F("compute_bound_s"),
            F("memory_bound_s"), F("communication_bound_s"), F("mixed_bound_s"), F("unknown_bound_s"), F("cost"),
            F("facility_kwh"), F("co2_kg"),
        ]);

    /// <summary>One point per window and aggregator instance (the instance's nodes); <c>currency</c> is that of <c>cost</c>.</summary>
    public static InfluxMeasurement FleetWindow { get; } = new(
        "fleet_window",
        "The fleet (one aggregator instance's part of it) over one window, with the energy conservation terms and the cost of the energy drawn.",
        ["instance", "currency"],
        [
            I("gpus"), I("samples"), F("energy_j"), F("job_energy_j"), F("unallocated_j"), F("unattributed_j"),
            F("power_w"), F("window_s"), I("gaps"), I("counter_resets"), I("gpus_agreeing"), I("gpus_disagreeing"),
            I("gpus_single_source"), I("gpus_with_gaps"), F("cost"),
        ]);

    /// <summary>One point per waste class, team, GPU model, currency and aggregator instance per window.</summary>
    public static InfluxMeasurement Waste { get; } = new(
        "waste",
        "GPU time, energy and money lost to one waste class (allocated-idle, memory-parked, zombie, unallocated-idle, throttled) by team over one window; unallocated GPUs count under team 'unallocated'.",
        ["class", "team", "model", "currency", "instance"],
        [F("gpu_seconds"), F("energy_j"), F("cost"), I("gpus")]);

    /// <summary>One point per health finding per window.</summary>
    public static InfluxMeasurement Health { get; } = new(
        "gpu_health",
        "Something an SRE should know about a GPU or node in one window (XID, ECC, row remapping, throttling, temperature, data quality), with what to do.",
        ["node", "gpu", "kind", "severity"],
        [I("count"), S("detail"), S("action")]);

    /// <summary>One point per aggregator instance per window.</summary>
    public static InfluxMeasurement Pipeline { get; } = new(
        "pipeline",
        "The aggregator's own accounting when it wrote the window: samples aggregated, late, invalid, duplicate, future-dated; consumer lag; what the InfluxDB sink wrote, dropped, retried and dead-lettered.",
        ["instance"],
        [
            I("aggregated"), I("late"), I("invalid"), I("duplicate"), I("future"), I("lag"), I("windows_written"), I("points_written"),
            I("nonfinite_dropped"), I("points_dead_lettered"), I("write_retries"), F("write_latency_ms"),
        ]);

    /// <summary>Every measurement.</summary>
    public static IReadOnlyList<InfluxMeasurement> All { get; } = [GpuWindow, GpuState, JobWindow, FleetWindow, Waste, Health, Pipeline];

    /// <summary>The measurement of this name, or null.</summary>
    public static InfluxMeasurement? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));

    private static InfluxField F(string name) => new(name, InfluxFieldType.Number);

    private static InfluxField I(string name) => new(name, InfluxFieldType.Whole);

    private static InfluxField S(string name) => new(name, InfluxFieldType.Text);
}
