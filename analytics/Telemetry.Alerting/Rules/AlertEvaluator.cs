using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// Runs the alert rules over closed windows, one window at a time in time order, and keeps each rule's conditions
/// between windows. Its clock is the windows' own event time. Not thread-safe: one caller at a time.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly IAlertRule[] _rules;
    private readonly ILogger _logger;
    private long _lastEnd = long.MinValue;
    private IReadOnlyList<Alert> _firing = [];

    /// <summary>An evaluator of these rules, validated first.</summary>
    /// <param name="rules">The rules' settings.</param>
    /// <param name="costs">Prices energy for the budgets.</param>
    /// <param name="logger">Where skipped windows and currency mismatches are logged.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public AlertEvaluator(AlertRules rules, CostModel costs, ILogger<AlertEvaluator> logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(logger);
        AlertRulesValidator.ThrowIfInvalid(rules);
        _logger = logger;
        var factory = new AlertFactory(rules);
        List<IAlertRule> active = [];
        Add(active, rules.AllocatedIdle.Enabled, () => DominantStateRule.AllocatedIdle(rules.AllocatedIdle, factory));
        Add(active, rules.ZombieMemory.Enabled, () => DominantStateRule.ZombieMemory(rules.ZombieMemory, factory));
        Add(active, rules.CriticalXid.Enabled, () => new CriticalXidRule(rules.CriticalXid, factory));
        Add(active, rules.HbmTemperature.Enabled, () => ThresholdRule.HbmTemperature(rules.HbmTemperature, factory));
        Add(active, rules.GpuTemperature.Enabled, () => ThresholdRule.GpuTemperature(rules.GpuTemperature, factory));
        Add(active, rules.Throttling.Enabled, () => ThresholdRule.Throttling(rules.Throttling, factory));
        Add(active, rules.AgentSilent.Enabled, () => new AgentSilentRule(rules.AgentSilent, factory));
        Add(active, rules.DataLoss.Enabled, () => new DataLossRule(rules.DataLoss, factory));
        Add(active, rules.EnergyBudgets.Count > 0, () => new EnergyBudgetRule([.. rules.EnergyBudgets], costs, factory, logger));
        _rules = [.. active];
    }

    /// <summary>
    /// Updates every rule's conditions with a closed window and returns the alerts firing after it, each starting at the
    /// start of the first window its condition held in. A window that does not come after the last one is skipped (and
    /// logged) and the last answer returned, so that a replayed window is never counted twice.
    /// </summary>
    /// <param name="window">The next closed window.</param>
    /// <param name="counts">The pipeline's loss counters now, for the data-loss rule; null when the caller has none.</param>
    public IReadOnlyList<Alert> Evaluate(ClosedWindow window, PipelineCounts? counts = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.End <= _lastEnd)
        {
            Log.WindowSkipped(_logger, DateTimeOffset.FromUnixTimeMilliseconds(window.Start), DateTimeOffset.FromUnixTimeMilliseconds(_lastEnd));
            return _firing;
        }

        var context = new WindowContext(window, counts);
        var firing = new List<Alert>();
        foreach (var rule in _rules)
        {
            rule.Evaluate(context, firing);
        }

        _lastEnd = window.End;
        _firing = [.. firing.OrderBy(a => a.StartsAt).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Fingerprint, StringComparer.Ordinal)];
        return _firing;
    }

    private static void Add(List<IAlertRule> rules, bool enabled, Func<IAlertRule> create)
    {
        if (enabled)
        {
            rules.Add(create());
        }
    }
}
