using Microsoft.Extensions.Logging;

namespace Telemetry.Alerting;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Window starting {WindowStart} does not come after the last evaluated window (ending {LastEnd}); skipped")]
    public static partial void WindowSkipped(ILogger logger, DateTimeOffset windowStart, DateTimeOffset lastEnd);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Team {Team}'s energy budget is in {BudgetCurrency} but some of its energy is priced in {Currency}; that part is not counted against the budget")]
    public static partial void BudgetCurrencyMismatch(ILogger logger, string team, string budgetCurrency, string currency);

    [LoggerMessage(EventId = 310, Level = LogLevel.Debug, Message = "Alert group {GroupKey} opened")]
    public static partial void GroupOpened(ILogger logger, string groupKey);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "Alert group {GroupKey}: notifying {Status} with {Firing} firing and {Resolved} resolved alerts")]
    public static partial void Notifying(ILogger logger, string groupKey, string status, int firing, int resolved);
}
