using Telemetry.Analytics.Health;

namespace Telemetry.Analytics.Tests.Health;

[TestClass]
public sealed class HealthOptionsTests
{
    [TestMethod]
    public void DefaultsAreValidAndAsDocumented()
    {
        var options = new HealthOptions();

        options.Validate();

        Assert.AreEqual(95, options.HbmTempLimitCelsius);
        Assert.AreEqual(0.25, options.BusyPowerFraction);
        Assert.AreEqual(60, options.StuckXidWindows);
        Assert.AreEqual(3, options.StaleWindows);
        Assert.AreEqual(0.5, options.MinCoverage);
    }

    [TestMethod]
    [DataRow(nameof(HealthOptions.HbmTempLimitCelsius))]
    [DataRow(nameof(HealthOptions.HbmTempLimits))]
    [DataRow(nameof(HealthOptions.PowerProfiles))]
    [DataRow(nameof(HealthOptions.BusyPowerFraction))]
    [DataRow(nameof(HealthOptions.StuckXidWindows))]
    [DataRow(nameof(HealthOptions.StaleWindows))]
    [DataRow(nameof(HealthOptions.MinCoverage))]
    [DataRow(nameof(HealthOptions.ThrottleWarningShare))]
    [DataRow(nameof(HealthOptions.ExpectedNodes))]
    public void ABadSettingIsRejectedNamingIt(string setting)
    {
        var options = WithBad(setting);

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains($"Health:{setting}", error.Message);
    }

    [TestMethod]
    public void TheAnalyzerRefusesBadOptionsNamingTheSetting()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => HealthAnalyzer.Analyze([], new HealthOptions { StaleWindows = 0 }));

        Assert.Contains("Health:StaleWindows", error.Message);
    }

    [TestMethod]
    public void AModelLimitOverridesTheHbmDefaultForThatModelOnly()
    {
        var options = new HealthOptions { HbmTempLimits = [new("H200", 90)] };

        Assert.AreEqual(90, options.HbmTempLimitFor("NVIDIA H200"));
        Assert.AreEqual(95, options.HbmTempLimitFor("NVIDIA H100 80GB HBM3"));
    }

    [TestMethod]
    public void ThePcieH100GetsItsOwnPowerProfileBeforeTheSxmOne()
    {
        var options = new HealthOptions();

        Assert.AreEqual(350, options.PowerProfileFor("NVIDIA H100 PCIe")?.TdpWatts);
        Assert.AreEqual(700, options.PowerProfileFor("NVIDIA H100 80GB HBM3")?.TdpWatts);
        Assert.IsNull(options.PowerProfileFor("NVIDIA RTX 6000 Ada Generation"));
    }

    private static HealthOptions WithBad(string setting) => setting switch
    {
        nameof(HealthOptions.HbmTempLimitCelsius) => new() { HbmTempLimitCelsius = -5 },
        nameof(HealthOptions.HbmTempLimits) => new() { HbmTempLimits = [new(" ", 90)] },
        nameof(HealthOptions.PowerProfiles) => new() { PowerProfiles = [new("H100", 700, 700)] },
        nameof(HealthOptions.BusyPowerFraction) => new() { BusyPowerFraction = 1.5 },
        nameof(HealthOptions.StuckXidWindows) => new() { StuckXidWindows = 1 },
        nameof(HealthOptions.StaleWindows) => new() { StaleWindows = 0 },
        nameof(HealthOptions.MinCoverage) => new() { MinCoverage = 0 },
        nameof(HealthOptions.ThrottleWarningShare) => new() { ThrottleWarningShare = 2 },
        nameof(HealthOptions.ExpectedNodes) => new() { ExpectedNodes = ["node-1", ""] },
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };
}
