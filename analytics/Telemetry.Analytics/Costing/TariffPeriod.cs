namespace Telemetry.Analytics.Costing;

/// <summary>A checked time-of-use period: a day mask, local start (inclusive) and end (exclusive), and the price.</summary>
internal readonly record struct TariffPeriod(int Days, TimeSpan From, TimeSpan To, double PricePerKwh)
{
    /// <summary>Reads a period whose settings <see cref="TariffValidator"/> has accepted.</summary>
    public static TariffPeriod Of(TariffPeriodOptions period)
    {
        var days = period.Days is null ? DayNames.EveryDay : 0;
        foreach (var name in period.Days ?? [])
        {
            days |= DayNames.TryParse(name, out var named) ? named : throw Unchecked();
        }

        return TimeOfDayText.TryParse(period.From, endOfDay: false, out var from)
            && TimeOfDayText.TryParse(period.To, endOfDay: true, out var to)
            && period.PricePerKwh is { } price
                ? new TariffPeriod(days, from, to, price)
                : throw Unchecked();
    }

    public bool Overlaps(TariffPeriod other) => (Days & other.Days) != 0 && From < other.To && other.From < To;

    private static InvalidOperationException Unchecked() => new("A tariff period was used before it was validated.");
}
