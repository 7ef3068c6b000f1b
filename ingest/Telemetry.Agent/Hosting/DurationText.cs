using System.Globalization;

namespace Telemetry.Agent.Hosting;

/// <summary>Parses durations as people type them: <c>90s</c>, <c>30m</c>, <c>1h</c>, <c>1h30m</c>, <c>2d</c>, or <c>hh:mm:ss</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a duration that validation has already accepted.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration like 90s, 30m or 1h.");

    /// <summary>Parses a duration; false for anything else, zero or negative.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var total = 0.0;
        var number = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsDigit(c) || c == '.')
            {
                continue;
            }

            if (i == number || !double.TryParse(text.AsSpan(number, i - number), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unit = c switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
            if (unit == 0)
            {
                return false;
            }

            total += value * unit;
            number = i + 1;
        }

        if (number != text.Length || total <= 0 || total > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }
}
