using Telemetry.Analytics.Health;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Reporting;

/// <summary>Builds a <see cref="FleetReport"/> from ledger rows by merging the windows' additive partials.</summary>
public static class ReportBuilder
{
    private const double JoulesPerKwh = 3_600_000;

    /// <summary>Builds the report from GPU and job windows alone (ledgers without state and fleet rows).</summary>
    /// <param name="gpuWindows">GPU window rows.</param>
    /// <param name="jobWindows">Job window rows.</param>
    /// <param name="samples">Sample accounting, when the caller knows what was produced.</param>
    /// <param name="busySmActivity">SM activity below which an allocated GPU counts as idle.</param>
    public static FleetReport Build(IEnumerable<GpuWindow> gpuWindows, IEnumerable<JobWindow> jobWindows, SampleAccounting? samples, double busySmActivity = 0.05) =>
        Build(new LedgerData([.. gpuWindows], [.. jobWindows], [], []), new ReportOptions { Samples = samples, BusySmActivity = busySmActivity });

    /// <summary>Builds the report.</summary>
    public static FleetReport Build(LedgerData data, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Waste.Validate();
        var gpus = data.Gpus;
        if (gpus.Count == 0)
        {
            return new FleetReport(default, default, 0, 0, 0, 0, 0, 0, [], [], [], options.Samples);
        }

        var from = gpus.Min(g => g.WindowStart);
        var to = gpus.Max(g => g.WindowEnd);
        var fleetJoules = gpus.Sum(g => g.EnergyJoules);
        var allocatedJoules = data.Jobs.Sum(j => j.EnergyJoules);
        var unattributedJoules = data.Fleet.Sum(f => f.UnattributedJoules);
        var hours = (to - from) / 3_600_000.0;
        var episodes = data.States.Count > 0 ? WasteEpisodes.Find(data.States, options.Waste) : null;
        var costing = new ReportCosting(options.Cost);
        var waste = costing.Price(episodes is null ? Waste([.. gpus], options.BusySmActivity) : Waste(episodes), episodes);
        var jobs = costing.Price(JobFigures.Compare([.. Jobs(data.Jobs)]), data.Jobs, gpus);
        return new FleetReport(
            DateTimeOffset.FromUnixTimeMilliseconds(from),
            DateTimeOffset.FromUnixTimeMilliseconds(to),
            gpus.Select(g => (g.GpuUuid, g.MigInstance)).Distinct().Count(),
            gpus.Select(g => g.WindowStart).Distinct().Count(),
            fleetJoules / JoulesPerKwh,
            hours > 0 ? fleetJoules / JoulesPerKwh / hours : 0,
            allocatedJoules / JoulesPerKwh,
            (fleetJoules - allocatedJoules - unattributedJoules) / JoulesPerKwh,
            jobs,
            waste,
            HealthAnalyzer.Analyze(gpus, options.Health),
            options.Samples,
            unattributedJoules / JoulesPerKwh,
            episodes,
            costing.Summarize(gpus, waste),
            costing.Price(PerGpu(gpus, waste), gpus));
    }

    private static List<WasteReport> Waste(IReadOnlyList<WasteEpisode> episodes) =>
        [.. episodes
            .GroupBy(e => (e.GpuUuid, e.Class))
            .Select(g =>
            {
                var first = g.First();
                return new WasteReport(first.Node, first.GpuUuid, first.GpuIndex, first.GpuModel, g.Key.Class, g.Select(e => e.JobId).LastOrDefault(j => j is not null),
                    g.Sum(e => e.Seconds) / 3600, g.Sum(e => e.EnergyJoules) / JoulesPerKwh);
            })
            .OrderBy(w => w.Class, StringComparer.Ordinal).ThenByDescending(w => w.Hours)];

    private static IEnumerable<JobReport> Jobs(IReadOnlyList<JobWindow> windows) =>
        windows.GroupBy(j => j.JobId, StringComparer.Ordinal).Select(g =>
        {
            var last = g.Last();
            var gpuSeconds = g.Sum(j => j.GpuSeconds);
            var busy = g.Sum(j => j.BusyGpuSeconds);
            var joules = g.Sum(j => j.EnergyJoules);
            var tokens = g.Sum(j => j.Tokens);
            var unit = g.Select(j => j.ThroughputUnit).FirstOrDefault(u => u is not null);
            var tflop = g.Sum(j => j.Tflop);
            var tensorJoules = g.Sum(j => j.TensorEnergyJoules ?? j.EnergyJoules);
            return new JobReport(
                g.Key,
                last.User,
                last.Team,
                g.Select(j => j.GpuModel).FirstOrDefault(m => m is not null),
                g.Max(j => j.Gpus),
                gpuSeconds / 3600,
                joules,
                joules / JoulesPerKwh,
                tokens,
                unit,
                unit is not null && joules > 0 ? tokens / joules : null,
                tensorJoules > 0 ? tflop / tensorJoules : null,
                gpuSeconds > 0 ? busy / gpuSeconds : 0,
                gpuSeconds > 0 ? joules / gpuSeconds : 0,
                (gpuSeconds - busy) / 3600,
                Share(g.Sum(j => j.ComputeBoundSeconds), gpuSeconds),
                Share(g.Sum(j => j.MemoryBoundSeconds), gpuSeconds),
                Share(g.Sum(j => j.CommunicationBoundSeconds), gpuSeconds),
                Share(g.Sum(j => j.MixedBoundSeconds), gpuSeconds),
                Share(g.Sum(j => j.UnknownBoundSeconds), gpuSeconds),
                KwhPerMillionTokens: unit is not null && tokens > 0 ? joules / JoulesPerKwh / (tokens / 1e6) : null);
        }).OrderByDescending(j => j.EnergyJoules);

    private static List<GpuReport> PerGpu(IReadOnlyList<GpuWindow> gpus, IReadOnlyList<WasteReport> waste)
    {
        var wasteHours = waste.GroupBy(w => w.GpuUuid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(w => w.Hours), StringComparer.Ordinal);
        return [.. gpus.GroupBy(g => (g.GpuUuid, g.MigInstance)).Select(g =>
        {
            var first = g.First();
            var covered = g.Sum(w => w.Coverage * (w.WindowEnd - w.WindowStart) / 1000);
            var joules = g.Sum(w => w.EnergyJoules);
            var tflop = g.Sum(w => w.Tflop);
            return new GpuReport(first.Node, first.GpuUuid, first.GpuIndex, first.MigInstance, first.GpuModel, covered / 3600, joules / JoulesPerKwh,
                Share(g.Sum(w => w.BusySeconds), covered), tflop > 0 && joules > 0 ? tflop / joules : null,
                first.MigInstance is null ? wasteHours.GetValueOrDefault(first.GpuUuid) : 0);
        }).OrderBy(r => r.Node, StringComparer.Ordinal).ThenBy(r => r.GpuIndex).ThenBy(r => r.MigInstance)];
    }

    private static double Share(double part, double whole) => whole > 0 ? part / whole : 0;

    private static List<WasteReport> Waste(List<GpuWindow> windows, double busySmActivity) =>
        [.. windows
            .Select(w => (Window: w, Class: WasteClass(w, busySmActivity)))
            .Where(x => x.Class is not null)
            .GroupBy(x => (x.Window.GpuUuid, x.Class))
            .Select(g =>
            {
                var first = g.First().Window;
                var seconds = g.Sum(x => x.Window.Coverage * (x.Window.WindowEnd - x.Window.WindowStart) / 1000);
                return new WasteReport(first.Node, first.GpuUuid, first.GpuIndex, first.GpuModel, g.Key.Class!,
                    g.Select(x => x.Window.JobId).LastOrDefault(j => j is not null), seconds / 3600, g.Sum(x => x.Window.EnergyJoules) / JoulesPerKwh);
            })
            .Where(w => w.Hours > 0)
            .OrderBy(w => w.Class, StringComparer.Ordinal).ThenByDescending(w => w.Hours)];

    /// <summary>The waste class of one GPU window, or null when the GPU did useful work.</summary>
    public static string? WasteClass(GpuWindow w, double busySmActivity)
    {
        var idle = (w.SmActiveMean ?? (w.GpuUtilMean / 100) ?? 0) < busySmActivity;
        if (!idle || w.Samples == 0)
        {
            return null;
        }

        var memoryShare = w.FbUsedMax is { } used && w.FbTotal is > 0 ? used / w.FbTotal.Value : 0;
        var covered = w.Coverage * (w.WindowEnd - w.WindowStart) / 1000;
        var allocated = covered > 0 && w.AllocatedSeconds >= covered / 2;
        return allocated
            ? memoryShare > 0.5 ? "memory-parked" : "allocated-idle"
            : memoryShare > 0.3 ? "zombie" : "unallocated-idle";
    }

}
