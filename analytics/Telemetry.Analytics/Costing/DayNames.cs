namespace Telemetry.Analytics.Costing;

/// <summary>Days of the week as a tariff names them, held as a bit mask indexed by <see cref="DayOfWeek"/>.</summary>
internal static class DayNames
{
    public const int EveryDay = 0b111_1111;

    public const string Accepted = "mon, tue, wed, thu, fri, sat, sun, weekdays or weekends";

    private const int Weekends = (1 << (int)DayOfWeek.Saturday) | (1 << (int)DayOfWeek.Sunday);

    private static readonly string[] Short = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The days one name stands for, or false for a name that is not a day.</summary>
    public static bool TryParse(string? name, out int days)
    {
        days = name?.ToLowerInvariant() switch
        {
            "weekdays" => EveryDay & ~Weekends,
            "weekends" => Weekends,
            { } day when Array.IndexOf(Short, day) is var index and >= 0 => 1 << index,
            _ => 0,
        };
        return days != 0;
    }

    public static bool Includes(int days, DayOfWeek day) => (days & (1 << (int)day)) != 0;

    /// <summary>The first day of the mask in Monday-first order, for messages.</summary>
    public static string FirstOf(int days)
    {
        for (var i = 1; i <= 7; i++)
        {
            if (Includes(days, (DayOfWeek)(i % 7)))
            {
                return Short[i % 7];
            }
        }

        return "no day";
    }
}
