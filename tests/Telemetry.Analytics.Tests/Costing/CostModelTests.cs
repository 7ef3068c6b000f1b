using Telemetry.Analytics.Costing;
using static Telemetry.Analytics.Tests.Costing.CostConfigs;

namespace Telemetry.Analytics.Tests.Costing;

[TestClass]
public sealed class CostModelTests
{
    private const double Tolerance = 1e-12;

    private static readonly DateTimeOffset Noon = new(2026, 1, 13, 12, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void FacilityEnergyIsItEnergyTimesPueAndCarbonFollowsFacilityEnergy()
    {
        var model = new CostModel(new CostOptions
        {
            Currency = "USD",
            DefaultSite = new SiteOptions { Name = "dc", Pue = 1.3, CarbonIntensityGramsPerKwh = 400, Tariff = new TariffOptions { PricePerKwh = 0.12 } },
        });

        var charge = model.EnergyCost(model.DefaultSite, 10 * JoulesPerKwh, Noon, Noon.AddHours(1));

        Assert.AreEqual(10, charge.ItKwh, Tolerance);
        Assert.AreEqual(13, charge.FacilityKwh, Tolerance);
        Assert.AreEqual(13 * 0.12, charge.Cost, Tolerance);
        Assert.AreEqual(13 * 0.4, charge.Co2Kg!.Value, Tolerance);
        Assert.AreEqual("USD", charge.Currency);
    }

    [TestMethod]
    public void SiteWithoutCarbonIntensityReportsNoCarbon()
    {
        var model = new CostModel(Berlin());

        var charge = model.EnergyCost(model.DefaultSite, JoulesPerKwh, Noon, Noon.AddHours(1));

        Assert.IsNull(charge.Co2Kg);
    }

    [TestMethod]
    public void NodeBelongsToTheFirstSiteWhosePatternOrNameMatches()
    {
        var model = new CostModel(TwoSites());

        Assert.AreEqual("us-east", model.SiteOf("gpu-node-007").Name);
        Assert.AreEqual("us-east", model.SiteOf("GPU-NODE-001").Name);
        Assert.AreEqual("us-east", model.SiteOf("login-gpu").Name);
        Assert.AreEqual("frankfurt", model.SiteOf("fra-rack2-gpu5").Name);
    }

    [TestMethod]
    public void NodeNoSiteMatchesBelongsToTheDefaultSite()
    {
        var model = new CostModel(TwoSites());

        Assert.AreSame(model.DefaultSite, model.SiteOf("gpu-node-010"));
        Assert.AreSame(model.DefaultSite, model.SiteOf("login-gpu-2"));
        Assert.AreSame(model.DefaultSite, model.SiteOf("xfra-1"));
    }

    [TestMethod]
    public void QuestionMarkInAPatternMatchesExactlyOneCharacter()
    {
        var options = TwoSites();
        options.Sites[0].Nodes = ["rack?-gpu-*"];
        var model = new CostModel(options);

        Assert.AreEqual("us-east", model.SiteOf("rack7-gpu-3").Name);
        Assert.AreSame(model.DefaultSite, model.SiteOf("rack12-gpu-3"));
    }

    [TestMethod]
    public void SitesKeepTheirOwnCurrencies()
    {
        var model = new CostModel(TwoSites());

        var dollars = model.EnergyCost(model.SiteOf("gpu-node-000"), JoulesPerKwh, Noon, Noon.AddHours(1));
        var euros = model.EnergyCost(model.SiteOf("fra-1"), JoulesPerKwh, Noon, Noon.AddHours(1));

        Assert.AreEqual("USD", dollars.Currency);
        Assert.AreEqual("EUR", euros.Currency);
        Assert.AreEqual("USD", model.DefaultSite.Currency);
    }

    [TestMethod]
    public void GpuTimeIsPricedByTheFirstModelTheProductNameContains()
    {
        var model = CostModel.Default();

        var h100 = model.GpuTimeCost("NVIDIA H100 80GB HBM3", gpuSeconds: 8 * 3600);
        var b200 = model.GpuTimeCost("nvidia b200", gpuSeconds: 1800);

        Assert.AreEqual(new GpuTimeCharge(8, 2.50, 20.0, "USD"), h100);
        Assert.AreEqual(new GpuTimeCharge(0.5, 4.00, 2.0, "USD"), b200);
    }

    [TestMethod]
    public void GpuTimeOfAnUnconfiguredModelHasNoPrice()
    {
        var model = CostModel.Default();

        Assert.IsNull(model.GpuTimeCost("NVIDIA L40S", gpuSeconds: 3600));
    }

    [TestMethod]
    public void DefaultModelIsTheDocumentedExample()
    {
        var model = CostModel.Default();
        var site = model.SiteOf("any-node");

        var charge = model.EnergyCost(site, 100 * JoulesPerKwh, Noon, Noon.AddHours(1));

        Assert.AreEqual(130, charge.FacilityKwh, 1e-9);
        Assert.AreEqual(130 * 0.12, charge.Cost, 1e-9);
        Assert.AreEqual(52, charge.Co2Kg!.Value, 1e-9);
        Assert.AreEqual("USD", charge.Currency);
        Assert.AreEqual(1.20, model.GpuTimeCost("NVIDIA A100-SXM4-80GB", 3600)!.Cost, Tolerance);
        Assert.AreEqual(2.50, model.GpuTimeCost("NVIDIA H200", 3600)!.Cost, Tolerance);
    }

    [TestMethod]
    public void SiteOfAnotherModelIsRefused()
    {
        var model = new CostModel(Berlin());
        var foreign = CostModel.Default().DefaultSite;

        Assert.ThrowsExactly<ArgumentException>(() => model.EnergyCost(foreign, JoulesPerKwh, Noon, Noon.AddHours(1)));
    }

    [TestMethod]
    public void IntervalEndingBeforeItStartsIsRefused()
    {
        var model = new CostModel(Berlin());

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.EnergyCost(model.DefaultSite, JoulesPerKwh, Noon, Noon.AddSeconds(-1)));
    }

    [TestMethod]
    public void NegativeEnergyIsRefused()
    {
        var model = new CostModel(Berlin());

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.EnergyCost(model.DefaultSite, -1, Noon, Noon.AddHours(1)));
    }
}
