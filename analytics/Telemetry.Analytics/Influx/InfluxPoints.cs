using InfluxDB.Client.Writes;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Health;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Influx;

/// <summary>The points of one closed window, and the ones that could not be made.</summary>
/// <param name="Points">Points ready to write, in a fixed order (the window's rows in their order).</param>
/// <param name="Rejected">Points left out, each with its reason, for the dead-letter file.</param>
/// <param name="NonFiniteDropped">Field values left out because they were NaN or infinite.</param>
internal sealed record InfluxPointSet(IReadOnlyList<PointData> Points, IReadOnlyList<string> Rejected, int NonFiniteDropped);

/// <summary>
/// Turns a closed window into the points of <see cref="InfluxSchema"/>: per GPU, per node and state, per job, the
/// fleet, waste by class and team, health findings, and the pipeline's own accounting. Every point carries the
/// window's start as its timestamp and all its fields, so that a replay writes identical points. The job, fleet and
/// waste points carry the pipeline snapshot's instance as their <c>instance</c> tag (none without a snapshot), so that
/// the partials of aggregator instances sharing a window stay apart.
/// </summary>
internal sealed class InfluxPoints(CostModel cost)
{
    private readonly WindowFacts _facts = new(cost);

    public InfluxPointSet Build(ClosedWindow window, PipelineSnapshot? pipeline = null)
    {
        var points = new List<PointData>();
        var rejected = new List<string>();
        var nonFinite = 0;
        void Add(InfluxPointBuilder builder)
        {
            nonFinite += builder.NonFinite;
            var (point, problem) = builder.Build();
            if (point is not null)
            {
                points.Add(point);
            }
            else if (problem is not null)
            {
                rejected.Add(problem);
            }
        }

        var t = window.Start;
        var instance = pipeline?.Instance;
        var seconds = (window.End - window.Start) / 1000.0;
        var dominant = WindowFacts.DominantStates(window.States);

        foreach (var g in window.Gpus)
        {
            Add(new InfluxPointBuilder(InfluxSchema.GpuWindow, t)
                .Tag("node", g.Node).Tag("gpu", Index(g.GpuIndex)).Tag("uuid", g.GpuUuid).Tag("model", g.GpuModel).Tag("mig", g.MigInstance?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("samples", g.Samples).Field("coverage", g.Coverage).Field("util_mean", g.GpuUtilMean).Field("util_max", g.GpuUtilMax)
                .Field("sm_active_mean", g.SmActiveMean).Field("sm_active_max", g.SmActiveMax).Field("tensor_active_mean", g.TensorActiveMean)
                .Field("dram_active_mean", g.DramActiveMean).Field("power_mean_w", g.PowerMean).Field("power_max_w", g.PowerMax)
                .Field("energy_j", g.EnergyJoules).Field("energy_counter_j", g.EnergyCounterJoules).Field("energy_integrated_j", g.EnergyIntegratedJoules)
                .Field("energy_confidence", g.EnergyConfidence).Field("counter_resets", g.CounterResets).Field("counter_wraps", g.CounterWraps)
                .Field("gaps", g.Gaps).Field("gpu_temp_max_c", g.GpuTempMax).Field("mem_temp_max_c", g.MemoryTempMax)
                .Field("fb_used_max_mib", g.FbUsedMax).Field("fb_total_mib", g.FbTotal).Field("xid_count", g.XidCount).Field("xid_last", g.XidLast)
                .Field("throttle_s", g.ThrottleSeconds).Field("thermal_throttle_s", g.ThermalThrottleSeconds).Field("power_throttle_s", g.PowerThrottleSeconds)
                .Field("busy_s", g.BusySeconds).Field("allocated_s", g.AllocatedSeconds).Field("tflop", g.Tflop).Field("ecc_dbe", g.EccDbeErrors)
                .Field("remapped_rows", g.UncorrectableRemappedRows).Field("row_remap_failure", g.RowRemapFailure)
                .Field("state", dominant.GetValueOrDefault((g.GpuUuid, g.MigInstance))).Field("job_id", g.JobId)
                .Field("cost", _facts.GpuCost(g)));
        }

        foreach (var s in (window.States ?? []).GroupBy(s => (s.Node, s.GpuModel, s.State)).OrderBy(s => s.Key.Node, StringComparer.Ordinal).ThenBy(s => s.Key.GpuModel, StringComparer.Ordinal).ThenBy(s => s.Key.State, StringComparer.Ordinal))
        {
            Add(new InfluxPointBuilder(InfluxSchema.GpuState, t).Tag("node", s.Key.Node).Tag("model", s.Key.GpuModel).Tag("state", s.Key.State)
                .Field("gpu_seconds", s.Sum(x => x.Seconds)).Field("energy_j", s.Sum(x => x.EnergyJoules)).Field("gpus", s.Count(x => x.Seconds > 0)));
        }

        var siteOfJob = _facts.JobSites(window.Gpus);
        foreach (var j in window.Jobs)
        {
            var site = siteOfJob.GetValueOrDefault(j.JobId) ?? cost.DefaultSite;
            var charge = _facts.JobCharge(j, site);
            Add(new InfluxPointBuilder(InfluxSchema.JobWindow, t)
                .Tag("job", j.JobId).Tag("team", j.Team).Tag("user", j.User).Tag("model", j.GpuModel).Tag("site", site.Name).Tag("currency", site.Currency).Tag("instance", instance)
                .Field("gpus", j.Gpus).Field("gpu_seconds", j.GpuSeconds).Field("busy_gpu_seconds", j.BusyGpuSeconds).Field("idle_gpu_seconds", j.IdleGpuSeconds)
                .Field("energy_j", j.EnergyJoules).Field("tensor_energy_j", j.TensorEnergyJoules).Field("tflop", j.Tflop).Field("tokens", j.Tokens).Field("throughput_unit", j.ThroughputUnit)
                .Field("tokens_per_joule", j.TokensPerJoule).Field("tflops_per_watt", j.TflopsPerWatt)
                .Field("compute_bound_s", j.ComputeBoundSeconds).Field("memory_bound_s", j.MemoryBoundSeconds).Field("communication_bound_s", j.CommunicationBoundSeconds)
                .Field("mixed_bound_s", j.MixedBoundSeconds).Field("unknown_bound_s", j.UnknownBoundSeconds)
                .Field("cost", charge?.Cost).Field("facility_kwh", charge?.FacilityKwh).Field("co2_kg", charge?.Co2Kg));
        }

        if (window.Fleet is { } f)
        {
            var (fleetCost, currency) = _facts.FleetCost(window.Gpus);
            Add(new InfluxPointBuilder(InfluxSchema.FleetWindow, t).Tag("instance", instance).Tag("currency", currency)
                .Field("gpus", f.Gpus).Field("samples", f.Samples).Field("energy_j", f.EnergyJoules).Field("job_energy_j", f.JobEnergyJoules)
                .Field("unallocated_j", f.UnallocatedJoules).Field("unattributed_j", f.UnattributedJoules).Field("power_w", seconds > 0 ? f.EnergyJoules / seconds : null)
                .Field("window_s", seconds).Field("gaps", f.Gaps).Field("counter_resets", f.CounterResets).Field("gpus_agreeing", f.GpusAgreeing)
                .Field("gpus_disagreeing", f.GpusDisagreeing).Field("gpus_single_source", f.GpusSingleSource).Field("gpus_with_gaps", f.GpusWithGaps)
                .Field("cost", fleetCost));
        }

        foreach (var w in _facts.Waste(window.States, window.Jobs))
        {
            Add(new InfluxPointBuilder(InfluxSchema.Waste, t).Tag("class", w.Class).Tag("team", w.Team).Tag("model", w.Model).Tag("currency", w.Currency).Tag("instance", instance)
                .Field("gpu_seconds", w.GpuSeconds).Field("energy_j", w.EnergyJoules).Field("cost", w.Cost).Field("gpus", w.Gpus));
        }

        foreach (var h in HealthAnalyzer.Analyze(window.Gpus))
        {
            Add(new InfluxPointBuilder(InfluxSchema.Health, t).Tag("node", h.Node).Tag("gpu", h.GpuIndex is { } i ? Index(i) : null).Tag("kind", h.Kind)
                .Tag("severity", h.Severity.ToString().ToLowerInvariant()).Field("count", h.Count).Field("detail", h.Detail).Field("action", h.Action));
        }

        if (pipeline is not null)
        {
            Add(new InfluxPointBuilder(InfluxSchema.Pipeline, t).Tag("instance", pipeline.Instance)
                .Field("aggregated", pipeline.Aggregated).Field("late", pipeline.Late).Field("invalid", pipeline.Invalid)
                .Field("duplicate", pipeline.Duplicate).Field("future", pipeline.Future).Field("lag", pipeline.Lag)
                .Field("windows_written", pipeline.WindowsWritten).Field("points_written", pipeline.PointsWritten)
                .Field("nonfinite_dropped", pipeline.NonFiniteDropped).Field("points_dead_lettered", pipeline.DeadLettered)
                .Field("write_retries", pipeline.Retries).Field("write_latency_ms", pipeline.WriteLatencyMs));
        }

        return new InfluxPointSet(points, rejected, nonFinite);
    }

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
