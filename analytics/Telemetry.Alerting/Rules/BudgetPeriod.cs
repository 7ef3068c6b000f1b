namespace Telemetry.Alerting.Rules;

/// <summary>The calendar period an energy budget covers.</summary>
public enum BudgetPeriod
{
    /// <summary>A calendar day in the budget's time zone.</summary>
    Day,

    /// <summary>A calendar month in the budget's time zone.</summary>
    Month,
}
