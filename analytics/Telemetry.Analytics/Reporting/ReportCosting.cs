using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Prices the report: every GPU window's energy at its node's site (tariff in force over the window, PUE, carbon),
/// each job's energy at the site where most of its GPU windows ran, GPU time at its model's hourly price, and waste
/// episodes both ways.
/// </summary>
internal sealed class ReportCosting(CostModel cost)
{
    private const double JoulesPerKwh = 3_600_000;

    public IReadOnlyList<JobReport> Price(IReadOnlyList<JobReport> jobs, IReadOnlyList<JobWindow> windows, IReadOnlyList<GpuWindow> gpus)
    {
        var siteOfJob = gpus.Where(g => g.JobId is not null)
            .GroupBy(g => g.JobId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => cost.SiteOf(g.GroupBy(w => w.Node, StringComparer.Ordinal).MaxBy(n => n.Count())!.Key), StringComparer.Ordinal);
        var windowsOfJob = windows.ToLookup(w => w.JobId, StringComparer.Ordinal);
        return [.. jobs.Select(job =>
        {
            var site = siteOfJob.GetValueOrDefault(job.JobId) ?? cost.DefaultSite;
            var charges = windowsOfJob[job.JobId].Select(w => cost.EnergyCost(site, w.EnergyJoules, Time(w.WindowStart), Time(w.WindowEnd))).ToList();
            var energyCost = charges.Sum(c => c.Cost);
            var gpuTime = job.GpuModel is null ? null : cost.GpuTimeCost(job.GpuModel, job.GpuHours * 3600);
            var loaded = gpuTime is not null && gpuTime.Currency == site.Currency ? energyCost + gpuTime.Cost : (double?)null;
            var perMillion = job.ThroughputUnit is not null && job.Tokens > 0 ? 1e6 / job.Tokens : (double?)null;
            return job with
            {
                Site = site.Name,
                Currency = site.Currency,
                FacilityKwh = charges.Sum(c => c.FacilityKwh),
                EnergyCost = energyCost,
                Co2Kg = site.CarbonIntensityGramsPerKwh is null ? null : charges.Sum(c => c.Co2Kg ?? 0),
                GpuTimeCost = gpuTime?.Cost,
                EnergyCostPerMillionTokens = energyCost * perMillion,
                LoadedCostPerMillionTokens = loaded * perMillion,
            };
        })];
    }

    public IReadOnlyList<WasteReport> Price(IReadOnlyList<WasteReport> waste, IReadOnlyList<WasteEpisode>? episodes)
    {
        var byGpuAndClass = (episodes ?? []).ToLookup(e => (e.GpuUuid, e.Class));
        return [.. waste.Select(w =>
        {
            var site = cost.SiteOf(w.Node);
            var spans = byGpuAndClass[(w.GpuUuid, w.Class)].ToList();
            var energyCost = spans.Count > 0
                ? spans.Sum(e => cost.EnergyCost(site, e.EnergyJoules, e.Start, e.End).Cost)
                : cost.EnergyCost(site, w.EnergyKwh * JoulesPerKwh, default, default).Cost;
            var capacity = cost.GpuTimeCost(w.GpuModel, w.Hours * 3600);
            return w with { EnergyCost = energyCost, CapacityCost = capacity?.Currency == site.Currency ? capacity.Cost : null, Currency = site.Currency };
        })];
    }

    public IReadOnlyList<CostSummary> Summarize(IReadOnlyList<GpuWindow> gpus, IReadOnlyList<WasteReport> waste) =>
        [.. gpus
            .Select(g => cost.SiteOf(g.Node) is var site ? (Site: site, Charge: cost.EnergyCost(site, g.EnergyJoules, Time(g.WindowStart), Time(g.WindowEnd))) : default)
            .GroupBy(x => x.Site.Currency, StringComparer.Ordinal)
            .Select(g => new CostSummary(
                g.Key,
                g.Sum(x => x.Charge.ItKwh),
                g.Sum(x => x.Charge.FacilityKwh),
                g.Sum(x => x.Charge.Cost),
                g.Any(x => x.Charge.Co2Kg is not null) ? g.Sum(x => x.Charge.Co2Kg ?? 0) : null,
                waste.Where(w => w.Currency == g.Key).Sum(w => w.EnergyCost),
                waste.Where(w => w.Currency == g.Key).Sum(w => w.CapacityCost ?? 0)))
            .OrderBy(c => c.Currency, StringComparer.Ordinal)];

    public IReadOnlyList<GpuReport> Price(IReadOnlyList<GpuReport> perGpu, IReadOnlyList<GpuWindow> windows)
    {
        var windowsOf = windows.ToLookup(w => (w.GpuUuid, w.MigInstance));
        return [.. perGpu.Select(g =>
        {
            var site = cost.SiteOf(g.Node);
            var charges = windowsOf[(g.GpuUuid, g.MigInstance)].Select(w => cost.EnergyCost(site, w.EnergyJoules, Time(w.WindowStart), Time(w.WindowEnd))).ToList();
            return g with
            {
                FacilityKwh = charges.Sum(c => c.FacilityKwh),
                EnergyCost = charges.Sum(c => c.Cost),
                Currency = site.Currency,
                Co2Kg = site.CarbonIntensityGramsPerKwh is null ? null : charges.Sum(c => c.Co2Kg ?? 0),
            };
        })];
    }

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
