namespace Telemetry.Analytics.Costing;

/// <summary>
/// A site's electricity tariff. A flat tariff is a <see cref="PricePerKwh"/> alone. A time-of-use tariff adds
/// <see cref="Periods"/> and a <see cref="TimeZone"/>; its <see cref="PricePerKwh"/> is then the price of every hour no
/// period covers.
/// </summary>
/// <example>
/// Flat: <c>{ "price_per_kwh": 0.12 }</c>. Time of use, peak on weekdays in Berlin:
/// <code>
/// {
///   "time_zone": "Europe/Berlin",
///   "price_per_kwh": 0.19,
///   "periods": [ { "days": ["weekdays"], "from": "08:00", "to": "20:00", "price_per_kwh": 0.31 } ]
/// }
/// </code>
/// </example>
public sealed class TariffOptions
{
    /// <summary>
    /// Price of one kWh of facility energy in the site's currency: the whole tariff when there are no periods, the
    /// price outside every period otherwise. Required; not negative.
    /// </summary>
    public double? PricePerKwh { get; set; }

    /// <summary>
    /// IANA time zone the periods' days and hours are read in, for example <c>Europe/Berlin</c>; daylight saving time
    /// is followed. Required when there are periods.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Time-of-use periods; none (the default) for a flat tariff. Periods that share a day must not overlap.</summary>
    public IList<TariffPeriodOptions> Periods { get; set; } = [];
}
