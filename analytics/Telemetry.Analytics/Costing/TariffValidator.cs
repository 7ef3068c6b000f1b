namespace Telemetry.Analytics.Costing;

/// <summary>Checks a site's tariff for <see cref="CostOptionsValidator"/>: prices, the time zone, each period, and overlaps.</summary>
internal sealed class TariffValidator(CostOptionsValidator problems)
{
    public void Check(string path, TariffOptions? tariff)
    {
        if (tariff is null)
        {
            problems.Add(path, $"is missing; add a tariff, for example {{ \"price_per_kwh\": 0.12 }}");
            return;
        }

        CheckPrice(path + ".price_per_kwh", tariff.PricePerKwh, tariff.Periods.Count > 0 ? "the price of hours no period covers" : "the price of one kWh");
        CheckTimeZone(path + ".time_zone", tariff);
        var periods = new List<(int Index, TariffPeriod Period)>();
        for (var i = 0; i < tariff.Periods.Count; i++)
        {
            if (CheckPeriod($"{path}.periods[{i}]", tariff.Periods[i]))
            {
                periods.Add((i, TariffPeriod.Of(tariff.Periods[i])));
            }
        }

        CheckOverlaps(path, periods);
    }

    private void CheckPrice(string path, double? price, string what)
    {
        if (price is null)
        {
            problems.Add(path, $"is missing; set {what} in the site's currency");
        }
        else if (!(price >= 0 && double.IsFinite(price.Value)))
        {
            problems.Add(path, $"{price} is not a price; set {what} in the site's currency, zero or more");
        }
    }

    private void CheckTimeZone(string path, TariffOptions tariff)
    {
        if (tariff.TimeZone is null)
        {
            if (tariff.Periods.Count > 0)
            {
                problems.Add(path, $"is missing; a time-of-use tariff needs the IANA time zone its hours are read in, for example \"Europe/Berlin\"");
            }
        }
        else if (!TimeZones.TryFind(tariff.TimeZone, out _))
        {
            problems.Add(path, $"'{tariff.TimeZone}' is not a known time zone; write an IANA time zone id, for example \"Europe/Berlin\" or \"America/New_York\" (on Linux the system's tzdata package provides them)");
        }
    }

    private bool CheckPeriod(string path, TariffPeriodOptions? period)
    {
        if (period is null)
        {
            problems.Add(path, $"is null; remove it or write the period's settings");
            return false;
        }

        var valid = CheckDays(path + ".days", period.Days);
        var from = TimeOfDayText.TryParse(period.From, endOfDay: false, out var start);
        var to = TimeOfDayText.TryParse(period.To, endOfDay: true, out var end);
        if (!from)
        {
            problems.Add(path + ".from", $"{NotATime(period.From)}; write it from \"00:00\" to \"23:59\"");
        }

        if (!to)
        {
            problems.Add(path + ".to", $"{NotATime(period.To)}; write it from \"00:01\" to \"24:00\" (midnight at the end of the day)");
        }
        else if (from && end <= start)
        {
            problems.Add(path + ".to", $"'{period.To}' is not after from '{period.From}'; write a period across midnight as two, for example 20:00-24:00 and 00:00-08:00");
        }

        var priced = period.PricePerKwh is { } price && price >= 0 && double.IsFinite(price);
        CheckPrice(path + ".price_per_kwh", period.PricePerKwh, "the price of one kWh in this period");
        return valid && from && to && end > start && priced;
    }

    private bool CheckDays(string path, IList<string>? days)
    {
        if (days is { Count: 0 })
        {
            problems.Add(path, $"is empty; name the days ({DayNames.Accepted}), or remove it for every day");
            return false;
        }

        var valid = true;
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            if (!DayNames.TryParse(days![i], out _))
            {
                var day = days[i] is null ? "is null" : $"'{days[i]}' is not a day";
                problems.Add($"{path}[{i}]", $"{day}; write {DayNames.Accepted}");
                valid = false;
            }
        }

        return valid;
    }

    private void CheckOverlaps(string path, List<(int Index, TariffPeriod Period)> periods)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (periods[j].Period, periods[i].Period);
                if (a.Overlaps(b))
                {
                    var from = TimeOfDayText.Format(a.From > b.From ? a.From : b.From);
                    var to = TimeOfDayText.Format(a.To < b.To ? a.To : b.To);
                    problems.Add($"{path}.periods[{periods[i].Index}]", $"overlaps periods[{periods[j].Index}] on {DayNames.FirstOf(a.Days & b.Days)} from {from} to {to}; give periods that share a day separate hours");
                }
            }
        }
    }

    private static string NotATime(string? text) => text is null ? "is missing" : $"'{text}' is not a time of day HH:mm";
}
