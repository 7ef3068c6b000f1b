using Telemetry.Analytics.Costing;
using static Telemetry.Analytics.Tests.Costing.CostConfigs;

namespace Telemetry.Analytics.Tests.Costing;

[TestClass]
public sealed class TariffPricingTests
{
    private const double Cent = 1e-9;

    [TestMethod]
    public void FlatTariffPricesEveryKwhTheSame()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("gpu-node-000");

        var charge = model.EnergyCost(site, 5 * JoulesPerKwh, Berlin(2026, 1, 13, 7, 0, Winter), Berlin(2026, 1, 13, 21, 0, Winter));

        Assert.AreEqual(5 * 0.12, charge.Cost, Cent);
        Assert.AreEqual("EUR", charge.Currency);
    }

    [TestMethod]
    public void IntervalAcrossThePeakStartIsPricedHalfOffPeakHalfPeak()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("fra-gpu-01");

        // Tuesday 13 January 2026, 07:30 to 08:30 in Berlin: 30 minutes before the weekday peak, 30 in it.
        var charge = model.EnergyCost(site, JoulesPerKwh, Berlin(2026, 1, 13, 7, 30, Winter), Berlin(2026, 1, 13, 8, 30, Winter));

        Assert.AreEqual((0.5 * OffPeak) + (0.5 * Peak), charge.Cost, Cent);
    }

    [TestMethod]
    public void PeakEndsAtItsLocalHourWhateverTheIntervalsOffset()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("fra-gpu-01");

        // 19:00 to 21:00 Berlin time written in UTC: one peak hour, one off-peak.
        var charge = model.EnergyCost(site, 2 * JoulesPerKwh, new DateTimeOffset(2026, 1, 13, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 13, 20, 0, 0, TimeSpan.Zero));

        Assert.AreEqual(Peak + OffPeak, charge.Cost, Cent);
    }

    [TestMethod]
    public void WeekdayPeakDoesNotApplyAtTheWeekend()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("fra-gpu-01");

        var friday = model.EnergyCost(site, JoulesPerKwh, Berlin(2026, 1, 16, 10, 0, Winter), Berlin(2026, 1, 16, 11, 0, Winter));
        var saturday = model.EnergyCost(site, JoulesPerKwh, Berlin(2026, 1, 17, 10, 0, Winter), Berlin(2026, 1, 17, 11, 0, Winter));

        Assert.AreEqual(Peak, friday.Cost, Cent);
        Assert.AreEqual(OffPeak, saturday.Cost, Cent);
    }

    [TestMethod]
    public void NightRateIsFiveRealHoursOnTheDayClocksGoForward()
    {
        var model = new CostModel(NightRate());

        // Sunday 29 March 2026 in Berlin lasts 23 hours: 02:00 CET jumps to 03:00 CEST, so 00:00-06:00 is 5 real hours.
        var charge = model.EnergyCost(model.DefaultSite, 23 * JoulesPerKwh, Berlin(2026, 3, 29, 0, 0, Winter), Berlin(2026, 3, 30, 0, 0, Summer));

        Assert.AreEqual((5 * Night) + (18 * DayRate), charge.Cost, Cent);
    }

    [TestMethod]
    public void NightRateIsSevenRealHoursOnTheDayClocksGoBack()
    {
        var model = new CostModel(NightRate());

        // Sunday 25 October 2026 in Berlin lasts 25 hours: 03:00 CEST falls back to 02:00 CET, so 00:00-06:00 is 7 real hours.
        var charge = model.EnergyCost(model.DefaultSite, 25 * JoulesPerKwh, Berlin(2026, 10, 25, 0, 0, Summer), Berlin(2026, 10, 26, 0, 0, Winter));

        Assert.AreEqual((7 * Night) + (18 * DayRate), charge.Cost, Cent);
    }

    [TestMethod]
    public void EmptyIntervalIsPricedAtTheTariffInForceAtItsStart()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("fra-gpu-01");
        var noon = Berlin(2026, 1, 13, 12, 0, Winter);

        var charge = model.EnergyCost(site, JoulesPerKwh, noon, noon);

        Assert.AreEqual(Peak, charge.Cost, Cent);
    }

    [TestMethod]
    public void HourlyIntervalsOfAMonthWithAClockChangeSumToTheMonthlyCost()
    {
        var model = new CostModel(Berlin(pue: 1.35));
        var site = model.SiteOf("fra-gpu-01");
        var start = Berlin(2026, 3, 1, 0, 0, Winter);
        var end = Berlin(2026, 4, 1, 0, 0, Summer);

        var total = 0.0;
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            total += model.EnergyCost(site, JoulesPerKwh, hour, hour.AddHours(1)).Cost;
        }

        // March 2026 in Berlin: 743 real hours (the 29th has 23); 22 weekdays of 12 peak hours each; 1 kW throughout.
        const int peakHours = 22 * 12;
        const int offPeakHours = 743 - peakHours;
        Assert.AreEqual(1.35 * ((peakHours * Peak) + (offPeakHours * OffPeak)), total, 1e-9);
    }

    [TestMethod]
    public void OneCallOverTheMonthCostsTheSameAsItsHours()
    {
        var model = new CostModel(Berlin());
        var site = model.SiteOf("fra-gpu-01");

        var charge = model.EnergyCost(site, 743 * JoulesPerKwh, Berlin(2026, 3, 1, 0, 0, Winter), Berlin(2026, 4, 1, 0, 0, Summer));

        Assert.AreEqual((264 * Peak) + (479 * OffPeak), charge.Cost, 1e-9);
    }
}
