using Telemetry.Analytics.Reporting;

namespace Telemetry.Analytics.Tests.Reporting;

[TestClass]
public sealed class GroupingTests
{
    private static readonly JobReport Job = new("j1", "ada", "research", "NVIDIA H100 80GB HBM3", 8, 10, 3.6e7, 10, 0, null, null, 1.0, 0.9, 500, 1,
        Site: "us-east", Currency: "USD", FacilityKwh: 13, EnergyCost: 1.5);

    [TestMethod]
    public void ATeamsJobsAddUpWithinOneCurrency()
    {
        var report = Report(Job, Job with { JobId = "j2", EnergyJoules = 7.2e7, EnergyKwh = 20, EnergyCost = 3 });

        var team = Assert.ContainsSingle(Grouping.By(report, "team", _ => "us-east"));

        Assert.AreEqual(("research", 30.0, 4.5, "USD"), (team.Group, team.ItKwh, team.EnergyCost, team.Currency));
    }

    [TestMethod]
    public void CostsInTwoCurrenciesAreNeverAddedUp()
    {
        var report = Report(Job, Job with { JobId = "j2", Site = "frankfurt", Currency = "EUR", EnergyCost = 2 });

        var team = Assert.ContainsSingle(Grouping.By(report, "team", _ => "x"));

        Assert.AreEqual("mixed", team.Currency);
        Assert.IsTrue(double.IsNaN(team.EnergyCost));
        Assert.AreEqual(20.0, team.ItKwh, "energy still adds up");
    }

    [TestMethod]
    public void AnUnknownDimensionIsRefusedNamingTheChoices()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => Grouping.By(Report(Job), "colour", _ => "x"));

        Assert.Contains("team, job, model, site, gpu", e.Message);
    }

    private static FleetReport Report(params JobReport[] jobs) =>
        new(default, default, 1, 1, 0, 0, 0, 0, jobs, [], [], null);
}
