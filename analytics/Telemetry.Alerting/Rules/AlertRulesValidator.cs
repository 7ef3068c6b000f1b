using Microsoft.Extensions.Options;

namespace Telemetry.Alerting.Rules;

/// <summary>Checks <see cref="AlertRules"/>; each problem names its setting, such as <c>Alerting:Rules:AllocatedIdle:For</c>.</summary>
public sealed class AlertRulesValidator : IValidateOptions<AlertRules>
{
    private static readonly TimeSpan MaxFor = TimeSpan.FromDays(7);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AlertRules options) => Check(options).Result();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad setting.</summary>
    public static void ThrowIfInvalid(AlertRules options) => Check(options).ThrowIfAny(typeof(AlertRules));

    internal static OptionsProblems Check(AlertRules options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(AlertRules.SectionName);
        problems.Duration(options.AllocatedIdle.For, "AllocatedIdle:For", TimeSpan.Zero, MaxFor);
        problems.Duration(options.ZombieMemory.For, "ZombieMemory:For", TimeSpan.Zero, MaxFor);
        problems.Duration(options.CriticalXid.QuietPeriod, "CriticalXid:QuietPeriod", TimeSpan.FromMinutes(1), MaxFor);
        Temperature(problems, options.HbmTemperature, "HbmTemperature");
        Temperature(problems, options.GpuTemperature, "GpuTemperature");
        problems.Check(options.Throttling.MinShare is > 0 and <= 1, "Throttling:MinShare", $"must be above 0 and at most 1 (was {options.Throttling.MinShare})");
        problems.Duration(options.Throttling.For, "Throttling:For", TimeSpan.Zero, MaxFor);
        problems.Duration(options.AgentSilent.For, "AgentSilent:For", TimeSpan.FromMinutes(1), MaxFor);
        problems.Check(options.AgentSilent.ForgetAfter > options.AgentSilent.For, "AgentSilent:ForgetAfter",
            $"must be longer than AgentSilent:For ({options.AgentSilent.For:c}; was {options.AgentSilent.ForgetAfter:c})");
        problems.Check(options.DataLoss.MinIncrease >= 1, "DataLoss:MinIncrease", $"must be at least 1 (was {options.DataLoss.MinIncrease})");
        problems.Duration(options.DataLoss.QuietPeriod, "DataLoss:QuietPeriod", TimeSpan.FromMinutes(1), MaxFor);
        Budgets(problems, options.EnergyBudgets);
        Link(problems, options.RunbookBaseUrl, "RunbookBaseUrl");
        Link(problems, options.GeneratorUrl, "GeneratorUrl");
        return problems;
    }

    private static void Temperature(OptionsProblems problems, TemperatureRuleOptions rule, string path)
    {
        problems.Check(rule.LimitCelsius is > 0 and < 200, $"{path}:LimitCelsius", $"must be between 0 and 200 °C (was {rule.LimitCelsius})");
        problems.Duration(rule.For, $"{path}:For", TimeSpan.Zero, MaxFor);
    }

    private static void Budgets(OptionsProblems problems, IList<EnergyBudgetOptions> budgets)
    {
        var seen = new HashSet<(string, BudgetPeriod)>();
        for (var i = 0; i < budgets.Count; i++)
        {
            var path = $"EnergyBudgets:{i}";
            var budget = budgets[i];
            problems.Check(!string.IsNullOrWhiteSpace(budget.Team), $"{path}:Team", $"is required: the team as jobs report it");
            problems.Check(budget.Amount > 0 && double.IsFinite(budget.Amount), $"{path}:Amount", $"must be more than zero (was {budget.Amount})");
            problems.Check(budget.Currency is { Length: 3 } code && code.All(char.IsAsciiLetterUpper), $"{path}:Currency",
                $"must be an ISO 4217 code such as USD or EUR (was '{budget.Currency}')");
            problems.Check(Enum.IsDefined(budget.Period), $"{path}:Period", $"must be Day or Month");
            problems.Check(Telemetry.Analytics.Costing.TimeZones.TryFind(budget.TimeZone, out _), $"{path}:TimeZone", $"must be an IANA time zone such as UTC or Europe/Paris (was '{budget.TimeZone}')");
            problems.Check(budget.Team is null || seen.Add((budget.Team, budget.Period)), $"{path}",
                $"repeats the {budget.Period} budget of team '{budget.Team}'; keep one");
        }
    }

    private static void Link(OptionsProblems problems, Uri? link, string path) =>
        problems.Check(link is null || (link.IsAbsoluteUri && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)), path,
            $"must be an absolute http or https URL (was '{link}')");
}
