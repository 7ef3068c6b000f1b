using System.Globalization;

namespace Telemetry.Analytics.Costing;

/// <summary>Times of day written <c>HH:mm</c>, the way tariffs print them.</summary>
internal static class TimeOfDayText
{
    /// <summary>Reads <c>HH:mm</c> from 00:00 to 23:59, and also <c>24:00</c> when <paramref name="endOfDay"/> allows the end of the day.</summary>
    public static bool TryParse(string? text, bool endOfDay, out TimeSpan time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':' || !TwoDigits(text, 0, out var hours) || !TwoDigits(text, 3, out var minutes))
        {
            return false;
        }

        var valid = (hours < 24 && minutes < 60) || (endOfDay && hours == 24 && minutes == 0);
        time = new TimeSpan(hours, minutes, 0);
        return valid;
    }

    public static string Format(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    private static bool TwoDigits(string text, int at, out int value)
    {
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]);
    }
}
