using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Telemetry.Kafka;

/// <summary>
/// Routes librdkafka's own log lines (broker down, connection refused, ...) into the application's logger instead of
/// standard error, at the matching level, and lets one line repeat at most once a minute so that an outage does not
/// flood the log.
/// </summary>
public static partial class KafkaClientLogging
{
    private static readonly TimeSpan RepeatAfter = TimeSpan.FromMinutes(1);

    /// <summary>Sends the producer's librdkafka log lines to <paramref name="logger"/>.</summary>
    public static ProducerBuilder<TKey, TValue> WithLogging<TKey, TValue>(this ProducerBuilder<TKey, TValue> builder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limiter = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
        return builder
            .SetLogHandler((_, m) => Write(logger, limiter, m.Level, m.Facility, m.Message))
            .SetErrorHandler((_, e) => Write(logger, limiter, e.IsFatal ? SyslogLevel.Critical : SyslogLevel.Warning, "ERROR", e.Reason));
    }

    /// <summary>Sends the consumer's librdkafka log lines to <paramref name="logger"/>.</summary>
    public static ConsumerBuilder<TKey, TValue> WithLogging<TKey, TValue>(this ConsumerBuilder<TKey, TValue> builder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limiter = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
        return builder.SetLogHandler((_, m) => Write(logger, limiter, m.Level, m.Facility, m.Message));
    }

    private static void Write(ILogger logger, ConcurrentDictionary<string, DateTime> limiter, SyslogLevel level, string facility, string message)
    {
        var logLevel = Level(level);
        if (!logger.IsEnabled(logLevel))
        {
            return;
        }

        var now = DateTime.UtcNow;
        var key = facility + "|" + message;
        if (limiter.TryGetValue(key, out var last) && now - last < RepeatAfter)
        {
            return;
        }

        limiter[key] = now;
        if (limiter.Count > 1000)
        {
            limiter.Clear();
        }

        Librdkafka(logger, logLevel, facility, message);
    }

    private static LogLevel Level(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [LoggerMessage(EventId = 900, Message = "Kafka {Facility}: {Message}")]
    private static partial void Librdkafka(ILogger logger, LogLevel level, string facility, string message);
}
