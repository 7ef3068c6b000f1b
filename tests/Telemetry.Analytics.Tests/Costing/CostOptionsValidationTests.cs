using Telemetry.Analytics.Costing;
using static Telemetry.Analytics.Tests.Costing.CostConfigs;

namespace Telemetry.Analytics.Tests.Costing;

[TestClass]
public sealed class CostOptionsValidationTests
{
    [TestMethod]
    public void ConfigurationOfTwoSitesInTwoCurrenciesIsValid()
    {
        var options = TwoSites();

        options.Validate();

        Assert.AreEqual("EUR", options.Sites[1].Currency);
    }

    [TestMethod]
    public void DefaultConfigurationIsValid()
    {
        var options = CostOptions.Default();

        options.Validate();

        Assert.AreEqual(4, options.GpuModels.Count);
    }

    [TestMethod]
    public void TimeThatIsNotAnHourOfTheDayIsNamedByItsPath()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.Periods[0].From = "25:00");

        AssertSingle("sites[1].tariff.periods[0].from '25:00' is not a time of day HH:mm", problems);
    }

    [TestMethod]
    public void PeriodEndingBeforeItStartsIsRejectedWithTheMidnightAdvice()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.Periods[0].To = "07:00");

        AssertSingle("sites[1].tariff.periods[0].to '07:00' is not after from '08:00'", problems);
        Assert.Contains("as two", problems[0]);
    }

    [TestMethod]
    public void OverlappingPeriodsOnASharedDayAreRejected()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.Periods.Add(
            new TariffPeriodOptions { Days = ["sat", "mon"], From = "19:00", To = "22:00", PricePerKwh = 0.4 }));

        AssertSingle("sites[1].tariff.periods[1] overlaps periods[0] on mon from 19:00 to 20:00", problems);
    }

    [TestMethod]
    public void PeriodsOnSeparateDaysOrHoursMayBeAdjacent()
    {
        var problems = ProblemsOf(options =>
        {
            options.Sites[1].Tariff!.Periods.Add(new TariffPeriodOptions { Days = ["weekends"], From = "08:00", To = "20:00", PricePerKwh = 0.25 });
            options.Sites[1].Tariff!.Periods.Add(new TariffPeriodOptions { Days = ["WEEKDAYS"], From = "20:00", To = "24:00", PricePerKwh = 0.22 });
        });

        Assert.IsEmpty(problems);
    }

    [TestMethod]
    public void UnknownTimeZoneIsRejectedNamingIt()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.TimeZone = "Europe/Atlantis");

        AssertSingle("sites[1].tariff.time_zone 'Europe/Atlantis' is not a known time zone", problems);
    }

    [TestMethod]
    public void TimeOfUseTariffWithoutTimeZoneIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.TimeZone = null);

        AssertSingle("sites[1].tariff.time_zone is missing", problems);
    }

    [TestMethod]
    public void UnknownDayNameIsNamedByItsPath()
    {
        var problems = ProblemsOf(options => options.Sites[1].Tariff!.Periods[0].Days = ["mon", "mo"]);

        AssertSingle("sites[1].tariff.periods[0].days[1] 'mo' is not a day", problems);
    }

    [TestMethod]
    public void PueOutsideOneToThreeIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[0].Pue = 0.9);

        AssertSingle("sites[0].pue 0.9 is outside 1.0 to 3.0", problems);
    }

    [TestMethod]
    public void MissingPueIsRejected()
    {
        var problems = ProblemsOf(options => options.DefaultSite!.Pue = null);

        AssertSingle("default_site.pue is missing", problems);
    }

    [TestMethod]
    public void CarbonIntensityInTheWrongUnitIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[0].CarbonIntensityGramsPerKwh = 400_000);

        AssertSingle("sites[0].carbon_intensity_grams_per_kwh 400000 is outside 0 to 2000", problems);
    }

    [TestMethod]
    public void LowerCaseCurrencyIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[1].Currency = "eur");

        AssertSingle("sites[1].currency 'eur' is not an ISO 4217 currency code", problems);
    }

    [TestMethod]
    public void NegativePriceIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[0].Tariff!.PricePerKwh = -0.05);

        AssertSingle("sites[0].tariff.price_per_kwh -0.05 is not a price", problems);
    }

    [TestMethod]
    public void TwoSitesWithOneNameAreRejected()
    {
        var problems = ProblemsOf(options => options.Sites[1].Name = "us-east");

        AssertSingle("sites[1].name 'us-east' is also the name of sites[0]", problems);
    }

    [TestMethod]
    public void SiteWithoutNodesIsRejected()
    {
        var problems = ProblemsOf(options => options.Sites[0].Nodes = []);

        AssertSingle("sites[0].nodes is empty", problems);
    }

    [TestMethod]
    public void DefaultSiteListingNodesIsRejected()
    {
        var problems = ProblemsOf(options => options.DefaultSite!.Nodes = ["gpu-node-1*"]);

        AssertSingle("default_site.nodes lists nodes", problems);
    }

    [TestMethod]
    public void MissingDefaultSiteIsRejected()
    {
        var problems = ProblemsOf(options => options.DefaultSite = null);

        AssertSingle("default_site is missing", problems);
    }

    [TestMethod]
    public void GpuModelHiddenByAnEarlierMatchIsRejected()
    {
        var problems = ProblemsOf(options => options.GpuModels.Add(new GpuModelCostOptions { Match = "H100 PCIe", PricePerGpuHour = 1.9 }));

        AssertSingle("gpu_models[1].match 'H100 PCIe' is never used: gpu_models[0] ('H100')", problems);
    }

    [TestMethod]
    public void GpuModelWithoutPriceIsRejected()
    {
        var problems = ProblemsOf(options => options.GpuModels[0].PricePerGpuHour = null);

        AssertSingle("gpu_models[0].price_per_gpu_hour is missing", problems);
    }

    [TestMethod]
    public void EveryProblemIsReportedAtOnce()
    {
        var options = TwoSites();
        options.Currency = null;
        options.Sites[0].Pue = 5;
        options.Sites[1].Tariff!.Periods[0].From = "8am";

        var error = Assert.ThrowsExactly<CostConfigurationException>(options.Validate);

        Assert.HasCount(3, error.Problems);
        Assert.StartsWith("currency is missing", error.Problems[0]);
        Assert.StartsWith("sites[0].pue 5 is outside", error.Problems[1]);
        Assert.StartsWith("sites[1].tariff.periods[0].from '8am'", error.Problems[2]);
        Assert.Contains("3 problems", error.Message);
    }

    [TestMethod]
    public void CostModelRefusesAnInvalidConfiguration()
    {
        var options = TwoSites();
        options.Sites[1].Tariff!.TimeZone = "Mars/Olympus_Mons";

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => new CostModel(options));

        Assert.Contains("sites[1].tariff.time_zone 'Mars/Olympus_Mons'", error.Message);
    }

    private static IReadOnlyList<string> ProblemsOf(Action<CostOptions> spoil)
    {
        var options = TwoSites();
        spoil(options);
        try
        {
            options.Validate();
            return [];
        }
        catch (CostConfigurationException error)
        {
            return error.Problems;
        }
    }

    private static void AssertSingle(string expectedStart, IReadOnlyList<string> problems)
    {
        Assert.HasCount(1, problems, string.Join(Environment.NewLine, problems));
        Assert.StartsWith(expectedStart, problems[0]);
    }
}
