namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Rolls a report up by team, job, GPU model or site. Teams and jobs are built from the jobs' figures (waste: their
/// allocated-idle, memory-parked and throttled time); models and sites from every GPU, jobs or none (waste: every
/// class, unallocated and zombie GPUs included).
/// </summary>
public static class Grouping
{
    /// <summary>The dimensions a report can be grouped by.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["team", "job", "model", "site", "gpu"];

    /// <summary>The report rolled up by <paramref name="by"/>, largest energy first.</summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is not one of <see cref="Dimensions"/>.</exception>
    public static IReadOnlyList<GroupReport> By(FleetReport report, string by, Func<string, string> siteOfNode)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(siteOfNode);
        return by switch
        {
            "team" => FromJobs(report, by, j => j.Team),
            "job" => FromJobs(report, by, j => j.JobId),
            "model" => FromJobs(report, by, j => j.GpuModel ?? "unknown", w => w.GpuModel),
            "site" => FromJobs(report, by, j => j.Site ?? "unknown", w => siteOfNode(w.Node)),
            "gpu" => FromGpus(report),
            _ => throw new ArgumentException($"--group-by '{by}' is not one of {string.Join(", ", Dimensions)}.", nameof(by)),
        };
    }

    private static List<GroupReport> FromJobs(FleetReport report, string by, Func<JobReport, string> key, Func<WasteReport, string>? wasteKey = null)
    {
        var jobsById = report.Jobs.ToDictionary(j => j.JobId, StringComparer.Ordinal);
        var waste = wasteKey is null
            ? report.Waste.Where(w => w.JobId is not null && w.Class is "allocated-idle" or "memory-parked" or "throttled")
                .GroupBy(w => jobsById.TryGetValue(w.JobId!, out var job) ? key(job) : "unknown")
            : report.Waste.GroupBy(wasteKey);
        var wasteHours = waste.ToDictionary(g => g.Key, g => g.Sum(w => w.Hours), StringComparer.Ordinal);
        var wasteOnly = wasteKey is null ? [] : report.Waste.GroupBy(wasteKey).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var jobsByKey = report.Jobs.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var keys = jobsByKey.Keys.Union(wasteOnly.Keys, StringComparer.Ordinal);
        var groups = keys.Select(k => (Key: k, Jobs: jobsByKey.GetValueOrDefault(k) ?? [])).Select(x =>
        {
            var g = x.Jobs;
            var joules = g.Sum(j => j.EnergyJoules);
            var reporting = g.Where(j => j.ThroughputUnit is not null).ToList();
            var tokens = reporting.Sum(j => j.Tokens);
            var tokenJoules = reporting.Sum(j => j.EnergyJoules);
            var tflop = g.Sum(j => (j.TflopsPerWatt ?? 0) * j.EnergyJoules);
            var hours = g.Sum(j => j.GpuHours) + (wasteKey is null ? 0 : Unallocated(wasteOnly.GetValueOrDefault(x.Key)));
            // Costs in different currencies are never added up: such a group's cost is unknown (NaN) and its currency "mixed".
            var currencies = g.Select(j => j.Currency).Concat(wasteOnly.GetValueOrDefault(x.Key)?.Select(w => w.Currency) ?? []).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var currency = currencies.Count > 1 ? "mixed" : currencies.FirstOrDefault();
            var cost = currencies.Count > 1 ? double.NaN : g.Sum(j => j.EnergyCost) + (wasteKey is null ? 0 : UnallocatedCost(wasteOnly.GetValueOrDefault(x.Key)));
            var idle = wasteHours.GetValueOrDefault(x.Key);
            return new GroupReport(
                by, x.Key, hours, (joules / 3.6e6) + (wasteKey is null ? 0 : UnallocatedKwh(wasteOnly.GetValueOrDefault(x.Key))),
                g.Sum(j => j.FacilityKwh), cost, currency,
                g.Any(j => j.Co2Kg is not null) ? g.Sum(j => j.Co2Kg ?? 0) : null,
                idle, hours > 0 ? idle / hours : 0, tokens,
                tokenJoules > 0 && tokens > 0 ? tokens / tokenJoules : null,
                joules > 0 && g.Any(j => j.TflopsPerWatt is not null) ? tflop / joules : null,
                tokens > 0 ? tokenJoules / 3.6e6 / (tokens / 1e6) : null,
                tokens > 0 && currencies.Count <= 1 ? reporting.Sum(j => j.EnergyCost) / (tokens / 1e6) : null,
                tokens > 0 && currencies.Count <= 1 && reporting.All(j => j.GpuTimeCost is not null) ? reporting.Sum(j => j.EnergyCost + j.GpuTimeCost!.Value) / (tokens / 1e6) : null);
        });
        return [.. groups.OrderByDescending(g => g.ItKwh)];
    }

    // Per GPU: energy and performance per watt from the GPU's own windows; no tokens (those belong to jobs).
    private static List<GroupReport> FromGpus(FleetReport report) =>
        [.. (report.PerGpu ?? []).Select(g => new GroupReport(
            "gpu",
            $"{g.Node}/{g.GpuIndex}{(g.MigInstance is { } mig ? "." + mig.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}",
            g.Hours, g.EnergyKwh, g.FacilityKwh, g.EnergyCost, g.Currency, g.Co2Kg, g.WasteHours, g.Hours > 0 ? g.WasteHours / g.Hours : 0, 0, null, g.TflopsPerWatt, null, null))
            .OrderByDescending(g => g.ItKwh)];

    // Waste classes without a job (unallocated, zombie) add their GPU time, energy and cost to model and site groups.
    private static double Unallocated(List<WasteReport>? waste) => waste?.Where(w => w.JobId is null).Sum(w => w.Hours) ?? 0;

    private static double UnallocatedKwh(List<WasteReport>? waste) => waste?.Where(w => w.JobId is null).Sum(w => w.EnergyKwh) ?? 0;

    private static double UnallocatedCost(List<WasteReport>? waste) => waste?.Where(w => w.JobId is null).Sum(w => w.EnergyCost) ?? 0;
}
