using System.Globalization;

namespace Telemetry.Alerting.Rules;

/// <summary>Durations and times as alerts write them.</summary>
internal static class Durations
{
    /// <summary><c>45 min</c>, <c>2 h 5 min</c>, <c>30 s</c>.</summary>
    public static string Text(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min"),
        _ when span.Minutes == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h {span.Minutes} min"),
    };

    /// <summary>The time between two Unix-millisecond instants.</summary>
    public static string Between(long from, long to) => Text(TimeSpan.FromMilliseconds(to - from));

    /// <summary>A UTC time such as <c>2025-03-04 10:00 UTC</c>.</summary>
    public static string At(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
