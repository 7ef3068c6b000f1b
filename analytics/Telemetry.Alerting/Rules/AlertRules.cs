namespace Telemetry.Alerting.Rules;

/// <summary>
/// The alert rules' settings, bound from <c>Alerting:Rules</c>. Every rule is on by default with the documented
/// thresholds; energy budgets exist only where configured. <see cref="AlertRulesValidator"/> names a bad setting by its
/// configuration path.
/// </summary>
public sealed class AlertRules
{
    /// <summary>The configuration section the rules are bound from.</summary>
    public const string SectionName = "Alerting:Rules";

    /// <summary>A GPU whose dominant state is allocated-idle for this long. Default on, 30 minutes.</summary>
    public StateRuleOptions AllocatedIdle { get; set; } = new() { For = TimeSpan.FromMinutes(30) };

    /// <summary>A GPU whose dominant state is zombie (memory held, no job) for this long. Default on, 10 minutes.</summary>
    public StateRuleOptions ZombieMemory { get; set; } = new() { For = TimeSpan.FromMinutes(10) };

    /// <summary>An XID whose catalog severity is critical. Default on, resolving after 30 quiet minutes.</summary>
    public CriticalXidRuleOptions CriticalXid { get; set; } = new();

    /// <summary>Memory (HBM) temperature above a limit. Default on, above 95 °C for 5 minutes.</summary>
    public TemperatureRuleOptions HbmTemperature { get; set; } = new() { LimitCelsius = 95 };

    /// <summary>GPU (core) temperature above a limit. Default on, above 87 °C for 5 minutes.</summary>
    public TemperatureRuleOptions GpuTemperature { get; set; } = new() { LimitCelsius = 87 };

    /// <summary>Thermal throttling for a share of each window. Default on, a quarter of each window for 10 minutes.</summary>
    public ThrottlingRuleOptions Throttling { get; set; } = new();

    /// <summary>A node seen before that sends no GPU windows. Default on, after 5 minutes.</summary>
    public AgentSilentRuleOptions AgentSilent { get; set; } = new();

    /// <summary>Lost, late or invalid data counted by the pipeline. Default on, any rise, resolving after 15 quiet minutes.</summary>
    public DataLossRuleOptions DataLoss { get; set; } = new();

    /// <summary>Energy budgets per team per day or month. Default none.</summary>
    public IList<EnergyBudgetOptions> EnergyBudgets { get; set; } = [];

    /// <summary>
    /// Base of the runbook links: alerts get a <c>runbook_url</c> annotation of this URL, <c>#</c> and the alert name in
    /// lower case. Default none.
    /// </summary>
    public Uri? RunbookBaseUrl { get; set; }

    /// <summary>The link each alert's <c>generatorURL</c> carries (a dashboard, say). Default none (empty).</summary>
    public Uri? GeneratorUrl { get; set; }
}
