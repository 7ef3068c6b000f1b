using System.Globalization;
using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Costing;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// A team's energy spend over a calendar day or month crossing its budget. Each job's window energy is priced with
/// the cost model at the sites of the nodes its GPU windows ran on (split by their energy); a window counts in the
/// period its start falls in. Fires from the window that crossed until the period ends.
/// </summary>
/// <remarks>
/// The spend is kept in memory from the windows this evaluator has seen: a host that restarts mid-period starts the
/// period's spend again from its first window.
/// </remarks>
internal sealed class EnergyBudgetRule(IList<EnergyBudgetOptions> budgets, CostModel costs, AlertFactory factory, ILogger logger) : IAlertRule
{
    private const string Action =
        "Review the team's running jobs, idle allocations first (GpuAllocatedIdle alerts, the waste report); raise the budget if the spend is expected.";

    private readonly Budget[] _budgets = [.. budgets.Select(b => new Budget(b, Telemetry.Analytics.Costing.TimeZones.TryFind(b.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc))];

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        var spend = TeamSpend(context);
        foreach (var budget in _budgets)
        {
            budget.Add(context, spend, logger);
            if (budget.CrossedAt is { } crossed)
            {
                firing.Add(factory.Create(AlertNames.TeamEnergyBudgetExceeded, AlertSeverity.Warning, crossed, Text(budget),
                    (AlertLabels.Team, budget.Options.Team),
                    (AlertLabels.Period, budget.Options.Period == BudgetPeriod.Day ? "day" : "month")));
            }
        }
    }

    private static AlertText Text(Budget budget)
    {
        var o = budget.Options;
        var per = o.Period == BudgetPeriod.Day ? "daily" : "monthly";
        // Receivers read these texts, and scripts match on them: the same figures whatever the aggregator's culture.
        var invariant = CultureInfo.InvariantCulture;
        return new(
            string.Create(invariant, $"Team {o.Team} spent {budget.Spent:0.00} {o.Currency} on GPU energy in {budget.Period}, over its {per} budget of {o.Amount:0.00} {o.Currency}"),
            string.Create(invariant, $"Team {o.Team}'s jobs drew energy costing {budget.Spent:0.00} {o.Currency} (facility energy at the sites' tariffs and PUE) in ")
            + string.Create(invariant, $"{budget.Period} ({budget.Zone.Id}), crossing its {per} budget of {o.Amount:0.00} {o.Currency} at {budget.CrossedAt:yyyy-MM-dd HH:mm} UTC."),
            Action);
    }

    /// <summary>Each team's energy cost in the window, per currency.</summary>
    private Dictionary<string, Dictionary<string, double>> TeamSpend(WindowContext context)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(context.Start);
        var end = DateTimeOffset.FromUnixTimeMilliseconds(context.End);
        var spend = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var nodesByJob = context.Window.Gpus.Where(g => g.JobId is not null).GroupBy(g => g.JobId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(w => w.Node, StringComparer.Ordinal).Select(n => (Node: n.Key, Joules: n.Sum(w => w.EnergyJoules))).ToList(),
                StringComparer.Ordinal);
        foreach (var job in context.Window.Jobs)
        {
            if (string.IsNullOrEmpty(job.Team) || !(job.EnergyJoules > 0))
            {
                continue;
            }

            var perCurrency = spend.TryGetValue(job.Team, out var found) ? found : spend[job.Team] = new(StringComparer.Ordinal);
            foreach (var (site, joules) in Sites(job.JobId, job.EnergyJoules, nodesByJob))
            {
                var charge = costs.EnergyCost(site, joules, start, end);
                perCurrency[charge.Currency] = perCurrency.GetValueOrDefault(charge.Currency) + charge.Cost;
            }
        }

        return spend;
    }

    // The job's energy split over the sites of the nodes its GPU windows ran on, by their energy (evenly when they
    // report none); the default site when the window has no GPU row of the job.
    private IEnumerable<(CostSite Site, double Joules)> Sites(string jobId, double joules, Dictionary<string, List<(string Node, double Joules)>> nodesByJob)
    {
        if (!nodesByJob.TryGetValue(jobId, out var nodes) || nodes.Count == 0)
        {
            return [(costs.DefaultSite, joules)];
        }

        var total = nodes.Sum(n => n.Joules);
        return nodes.Select(n => (costs.SiteOf(n.Node), joules * (total > 0 ? n.Joules / total : 1.0 / nodes.Count)));
    }

    private sealed class Budget(EnergyBudgetOptions options, TimeZoneInfo zone)
    {
        private bool _warnedCurrency;

        public EnergyBudgetOptions Options => options;

        public TimeZoneInfo Zone => zone;

        public string Period { get; private set; } = "";

        public double Spent { get; private set; }

        public DateTimeOffset? CrossedAt { get; private set; }

        public void Add(WindowContext context, Dictionary<string, Dictionary<string, double>> spend, ILogger logger)
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(context.Start);
            var local = TimeZoneInfo.ConvertTime(start, zone);
            var period = local.ToString(options.Period == BudgetPeriod.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);
            if (period != Period)
            {
                (Period, Spent, CrossedAt) = (period, 0, null);
            }

            if (!spend.TryGetValue(options.Team!, out var perCurrency))
            {
                return;
            }

            foreach (var (currency, cost) in perCurrency)
            {
                if (currency == options.Currency)
                {
                    Spent += cost;
                }
                else if (!_warnedCurrency)
                {
                    _warnedCurrency = true;
                    Log.BudgetCurrencyMismatch(logger, options.Team!, options.Currency!, currency);
                }
            }

            if (CrossedAt is null && Spent >= options.Amount)
            {
                CrossedAt = start;
            }
        }
    }
}
