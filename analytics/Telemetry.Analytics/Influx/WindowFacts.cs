using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Influx;

/// <summary>Waste of one class, team, model and currency in one window.</summary>
internal sealed record WasteFact(string Class, string Team, string Model, string Currency, double GpuSeconds, double EnergyJoules, double Cost, int Gpus);

/// <summary>
/// What the sink derives from a closed window beyond its rows: each GPU's dominant state, each job's site, prices,
/// and waste by class and team. The InfluxDB points and the ledger-backed queries both take them from here, so that
/// the two stores answer alike.
/// </summary>
internal sealed class WindowFacts(CostModel cost)
{
    /// <summary>The team waste of GPUs no job held counts under.</summary>
    public const string UnallocatedTeam = "unallocated";

    public CostModel Cost => cost;

    /// <summary>The state each GPU spent most of the window in (ties: the first name in order).</summary>
    public static Dictionary<(string Uuid, int? Mig), string> DominantStates(IReadOnlyList<GpuStateWindow>? states) =>
        (states ?? []).GroupBy(s => (s.GpuUuid, s.MigInstance))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Seconds).ThenBy(s => s.State, StringComparer.Ordinal).First().State);

    /// <summary>A GPU window's energy cost at its node's site, in that site's currency; null when the energy is not a number.</summary>
    public double? GpuCost(GpuWindow gpu) =>
        Priced(gpu.EnergyJoules) ? cost.EnergyCost(cost.SiteOf(gpu.Node), gpu.EnergyJoules, Time(gpu.WindowStart), Time(gpu.WindowEnd)).Cost : null;

    /// <summary>The site of each job: where most of its GPU windows ran (ties: the first node by name).</summary>
    public Dictionary<string, CostSite> JobSites(IReadOnlyList<GpuWindow> gpus) =>
        gpus.Where(g => g.JobId is not null).GroupBy(g => g.JobId!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => cost.SiteOf(g.GroupBy(w => w.Node, StringComparer.Ordinal).OrderByDescending(n => n.Count()).ThenBy(n => n.Key, StringComparer.Ordinal).First().Key),
                StringComparer.Ordinal);

    /// <summary>A job window's energy priced at its site; null when the energy is not a number.</summary>
    public EnergyCharge? JobCharge(JobWindow job, CostSite site) =>
        Priced(job.EnergyJoules) ? cost.EnergyCost(site, job.EnergyJoules, Time(job.WindowStart), Time(job.WindowEnd)) : null;

    /// <summary>
    /// The energy cost of these GPU windows and its currency: no cost when their sites bill in several currencies, no
    /// currency when none was priced (the cost is then 0).
    /// </summary>
    public (double? Cost, string? Currency) FleetCost(IReadOnlyList<GpuWindow> gpus)
    {
        var charges = gpus.Where(g => Priced(g.EnergyJoules)).Select(g => cost.EnergyCost(cost.SiteOf(g.Node), g.EnergyJoules, Time(g.WindowStart), Time(g.WindowEnd))).ToList();
        var currencies = charges.Select(c => c.Currency).Distinct(StringComparer.Ordinal).ToList();
        return currencies.Count <= 1 ? (charges.Sum(c => c.Cost), currencies.FirstOrDefault()) : (null, null);
    }

    /// <summary>
    /// The fleet's cost from the parts that aggregator instances priced with <see cref="FleetCost(IReadOnlyList{GpuWindow})"/>, as if one had
    /// priced all of their GPUs: none when a part has none or the parts bill in several currencies.
    /// </summary>
    public static (double? Cost, string? Currency) FleetCostOfParts(IEnumerable<(double? Cost, string? Currency)> parts)
    {
        double total = 0;
        string? currency = null;
        foreach (var (partCost, partCurrency) in parts)
        {
            if (partCost is not { } c || (partCurrency is not null && currency is not null && !string.Equals(partCurrency, currency, StringComparison.Ordinal)))
            {
                return (null, null);
            }

            total += c;
            currency ??= partCurrency;
        }

        return (total, currency);
    }

    /// <summary>Waste by class, team, model and currency, in a fixed order.</summary>
    public IEnumerable<WasteFact> Waste(IReadOnlyList<GpuStateWindow>? states, IReadOnlyList<JobWindow> jobs)
    {
        var teamOfJob = jobs.GroupBy(j => j.JobId, StringComparer.Ordinal).ToDictionary(j => j.Key, j => j.First().Team, StringComparer.Ordinal);
        return (states ?? [])
            .Where(s => s.Seconds > 0 && StateNames.Waste.Contains(s.State, StringComparer.Ordinal))
            .Select(s => (State: s, Site: cost.SiteOf(s.Node), Team: s.JobId is null ? UnallocatedTeam : teamOfJob.GetValueOrDefault(s.JobId) ?? "unknown"))
            .GroupBy(w => (w.State.State, w.Team, w.State.GpuModel, w.Site.Currency))
            .OrderBy(w => w.Key.State, StringComparer.Ordinal).ThenBy(w => w.Key.Team, StringComparer.Ordinal)
            .ThenBy(w => w.Key.GpuModel, StringComparer.Ordinal).ThenBy(w => w.Key.Currency, StringComparer.Ordinal)
            .Select(w => new WasteFact(
                w.Key.State, w.Key.Team, w.Key.GpuModel, w.Key.Currency,
                w.Sum(x => x.State.Seconds),
                w.Sum(x => x.State.EnergyJoules),
                w.Sum(x => Priced(x.State.EnergyJoules) ? cost.EnergyCost(x.Site, x.State.EnergyJoules, Time(x.State.WindowStart), Time(x.State.WindowEnd)).Cost : 0),
                w.Select(x => (x.State.GpuUuid, x.State.MigInstance)).Distinct().Count()));
    }

    private static bool Priced(double energyJoules) => energyJoules >= 0 && double.IsFinite(energyJoules);

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
