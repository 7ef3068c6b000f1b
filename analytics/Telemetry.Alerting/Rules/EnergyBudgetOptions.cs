namespace Telemetry.Alerting.Rules;

/// <summary>A team's energy budget for a calendar day or month, in one currency.</summary>
public sealed class EnergyBudgetOptions
{
    /// <summary>The team, as jobs report it. Required.</summary>
    public string? Team { get; set; }

    /// <summary>Day or month. Default day.</summary>
    public BudgetPeriod Period { get; set; } = BudgetPeriod.Day;

    /// <summary>The budget, more than zero. Required.</summary>
    public double Amount { get; set; }

    /// <summary>ISO 4217 code of <see cref="Amount"/>; spend priced in another currency is not added to it. Required.</summary>
    public string? Currency { get; set; }

    /// <summary>IANA time zone whose calendar days and months the budget follows. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";
}
