namespace Telemetry.Analytics.Costing;

/// <summary>
/// A checked tariff: a flat price, or time-of-use periods read in a time zone's local time with a price for the hours
/// no period covers. Immutable, so safe to share across threads.
/// </summary>
internal sealed class Tariff
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly double _basePrice;
    private readonly TimeZoneInfo? _zone;
    private readonly TariffPeriod[][] _periodsByDay;

    private Tariff(double basePrice, TimeZoneInfo? zone, TariffPeriod[][] periodsByDay)
    {
        _basePrice = basePrice;
        _zone = zone;
        _periodsByDay = periodsByDay;
    }

    public bool IsTimeOfUse => _zone is not null;

    /// <summary>Builds the tariff from settings <see cref="TariffValidator"/> has accepted.</summary>
    public static Tariff From(TariffOptions tariff)
    {
        var price = tariff.PricePerKwh ?? throw new InvalidOperationException("A tariff was used before it was validated.");
        if (tariff.Periods.Count == 0)
        {
            return new Tariff(price, null, []);
        }

        var zone = TimeZones.TryFind(tariff.TimeZone, out var found) ? found : throw new InvalidOperationException("A tariff was used before it was validated.");
        var periods = tariff.Periods.Select(TariffPeriod.Of).OrderBy(period => period.From).ToArray();
        var byDay = new TariffPeriod[7][];
        for (var day = 0; day < 7; day++)
        {
            byDay[day] = [.. periods.Where(period => DayNames.Includes(period.Days, (DayOfWeek)day))];
        }

        return new Tariff(price, zone, byDay);
    }

    /// <summary>
    /// The mean price over [<paramref name="start"/>, <paramref name="end"/>), each instant weighted equally and priced
    /// by the local time it falls on; the price at <paramref name="start"/> when the interval is empty.
    /// </summary>
    public double MeanPrice(DateTimeOffset start, DateTimeOffset end)
    {
        if (_zone is null)
        {
            return _basePrice;
        }

        if (end <= start)
        {
            return PriceAt(Local(start.UtcTicks)).Price;
        }

        var weighted = 0.0;
        for (var cursor = start.UtcTicks; cursor < end.UtcTicks;)
        {
            var next = NextChange(cursor, end.UtcTicks, out var price);
            weighted += price * (next - cursor);
            cursor = next;
        }

        return weighted / (end.UtcTicks - start.UtcTicks);
    }

    /// <summary>
    /// The first UTC instant after <paramref name="utc"/>, no later than <paramref name="limit"/>, at which the price may
    /// change: a period's edge or midnight in local time, or a change of the zone's offset (daylight saving time).
    /// </summary>
    private long NextChange(long utc, long limit, out double price)
    {
        var offset = Offset(utc);
        var (pricedAt, wallEdge) = PriceAt(new DateTime(utc + offset));
        price = pricedAt;
        // While the offset holds, local time runs with UTC, so a local edge maps back by the same offset.
        var next = Math.Min(wallEdge.Ticks - offset, limit);
        return Offset(next - 1) == offset ? next : OffsetChange(utc, next - 1, offset);
    }

    /// <summary>
    /// The first tick in (<paramref name="same"/>, <paramref name="changed"/>] whose offset differs from
    /// <paramref name="offset"/>; the span is at most a day, and zones change offset at most once a day.
    /// </summary>
    private long OffsetChange(long same, long changed, long offset)
    {
        while (changed - same > 1)
        {
            var middle = same + ((changed - same) / 2);
            if (Offset(middle) == offset)
            {
                same = middle;
            }
            else
            {
                changed = middle;
            }
        }

        return changed;
    }

    private long Offset(long utcTicks) => _zone!.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    private DateTime Local(long utcTicks) => new(utcTicks + Offset(utcTicks));

    /// <summary>The price in force at a local time, and the local time at which it may next change.</summary>
    private (double Price, DateTime Edge) PriceAt(DateTime local)
    {
        var time = local.TimeOfDay;
        var edge = Day;
        foreach (var period in _periodsByDay[(int)local.DayOfWeek])
        {
            if (time < period.From)
            {
                edge = period.From;
                break;
            }

            if (time < period.To)
            {
                return (period.PricePerKwh, local.Date + period.To);
            }
        }

        return (_basePrice, local.Date + edge);
    }
}
