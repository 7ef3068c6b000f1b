using Telemetry.Analytics.Costing;

namespace Telemetry.Analytics.Tests.Costing;

/// <summary>Cost configurations the tests start from, written out so that each expected figure can be worked by hand.</summary>
internal static class CostConfigs
{
    public const double OffPeak = 0.19;
    public const double Peak = 0.31;
    public const double Night = 0.10;
    public const double DayRate = 0.30;
    public const double JoulesPerKwh = 3_600_000;

    public static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    public static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    /// <summary>EUR; site "frankfurt" (fra-*) peak on weekdays 08:00-20:00 Berlin time; a flat default site; PUE 1 so prices show plainly.</summary>
    public static CostOptions Berlin(double pue = 1.0) => new()
    {
        Currency = "EUR",
        Sites =
        [
            new SiteOptions
            {
                Name = "frankfurt",
                Nodes = ["fra-*"],
                Pue = pue,
                Tariff = new TariffOptions
                {
                    TimeZone = "Europe/Berlin",
                    PricePerKwh = OffPeak,
                    Periods = [new TariffPeriodOptions { Days = ["weekdays"], From = "08:00", To = "20:00", PricePerKwh = Peak }],
                },
            },
        ],
        DefaultSite = Flat("default", 0.12, pue: 1.0),
    };

    /// <summary>A site in Berlin with a night rate 00:00-06:00 every day, to see daylight saving time on a Sunday.</summary>
    public static CostOptions NightRate() => new()
    {
        Currency = "EUR",
        DefaultSite = new SiteOptions
        {
            Name = "berlin",
            Pue = 1.0,
            Tariff = new TariffOptions
            {
                TimeZone = "Europe/Berlin",
                PricePerKwh = DayRate,
                Periods = [new TariffPeriodOptions { From = "00:00", To = "06:00", PricePerKwh = Night }],
            },
        },
    };

    /// <summary>A valid configuration of two sites (flat, time-of-use), a default site and GPU models, for validation tests to spoil.</summary>
    public static CostOptions TwoSites()
    {
        var options = Berlin(pue: 1.3);
        options.Currency = "USD";
        options.Sites[0].Currency = "EUR";
        options.Sites.Insert(0, Flat("us-east", 0.11, pue: 1.2, nodes: ["gpu-node-00*", "login-gpu"]));
        options.GpuModels = [new GpuModelCostOptions { Match = "H100", PricePerGpuHour = 2.10 }];
        return options;
    }

    public static SiteOptions Flat(string name, double price, double pue, IList<string>? nodes = null) => new()
    {
        Name = name,
        Nodes = nodes ?? [],
        Pue = pue,
        Tariff = new TariffOptions { PricePerKwh = price },
    };

    /// <summary>A local time in Berlin at the given offset (+01:00 in winter, +02:00 in summer).</summary>
    public static DateTimeOffset Berlin(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);
}
