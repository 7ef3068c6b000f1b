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

    [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "Webhook {Id} to {Endpoint} delivered ({GroupKey}, {Status}) after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string id, string endpoint, string groupKey, string status, int attempts);

    [LoggerMessage(EventId = 321, Level = LogLevel.Warning, Message = "Webhook {Id} to {Endpoint}: attempt {Attempt} failed ({Reason}); retry in {Seconds:0.###} s")]
    public static partial void RetryScheduled(ILogger logger, string id, string endpoint, int attempt, string reason, double seconds);

    [LoggerMessage(EventId = 322, Level = LogLevel.Error, Message = "Webhook {Id} to {Endpoint} failed for good after {Attempts} attempt(s): {Reason}. Kept in {Path}")]
    public static partial void DeliveryFailed(ILogger logger, string id, string endpoint, int attempts, string reason, string path);

    [LoggerMessage(EventId = 323, Level = LogLevel.Error, Message = "Outbox file {File} cannot be read ({Problem}); moved to {Path}")]
    public static partial void OutboxFileUnreadable(ILogger logger, string file, string problem, string path);

    [LoggerMessage(EventId = 324, Level = LogLevel.Information, Message = "{Count} pending webhook deliveries found in {Directory}")]
    public static partial void OutboxLoaded(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 325, Level = LogLevel.Error, Message = "Webhook {Id} to {Endpoint}: the attempt could not be completed; it stays pending")]
    public static partial void DeliveryError(ILogger logger, Exception exception, string id, string endpoint);
}
