namespace Telemetry.Analytics.Costing;

/// <summary>
/// One period of a time-of-use tariff: a price for the hours <see cref="From"/> to <see cref="To"/> of the named days,
/// read in the tariff's time zone.
/// </summary>
/// <example>
/// <code>
/// { "days": ["weekdays"], "from": "08:00", "to": "20:00", "price_per_kwh": 0.31 }
/// </code>
/// </example>
public sealed class TariffPeriodOptions
{
    /// <summary>
    /// The days the period applies to: <c>mon</c>, <c>tue</c>, <c>wed</c>, <c>thu</c>, <c>fri</c>, <c>sat</c>,
    /// <c>sun</c>, <c>weekdays</c> (mon to fri) or <c>weekends</c> (sat and sun), in any case. Null (the default) means
    /// every day.
    /// </summary>
    public IList<string>? Days { get; set; }

    /// <summary>Local time of day the period starts, <c>HH:mm</c> from <c>00:00</c> to <c>23:59</c>; inclusive.</summary>
    public string? From { get; set; }

    /// <summary>
    /// Local time of day the period ends, <c>HH:mm</c> after <see cref="From"/>, <c>24:00</c> for midnight; exclusive.
    /// A period across midnight is written as two periods.
    /// </summary>
    public string? To { get; set; }

    /// <summary>Price of one kWh of facility energy during the period, in the site's currency; not negative.</summary>
    public double? PricePerKwh { get; set; }
}
