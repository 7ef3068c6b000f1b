using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Tests.Support;

namespace Telemetry.Analytics.Tests.Costing;

[TestClass]
public sealed class CostOptionsLoadTests
{
    private static readonly string ExampleFile = Path.Combine(AppContext.BaseDirectory, "Costing", "cost.example.json");

    [TestMethod]
    public void ExampleFileLoadsAndValidates()
    {
        var options = CostOptions.Load(ExampleFile);

        Assert.AreEqual("USD", options.Currency);
        Assert.HasCount(2, options.Sites);
        Assert.AreEqual("Europe/Berlin", options.Sites[1].Tariff!.TimeZone);
        Assert.AreEqual("08:00", options.Sites[1].Tariff!.Periods[0].From);
        Assert.AreEqual(1.35, options.Sites[1].Pue);
        Assert.AreEqual("colocation", options.DefaultSite!.Name);
    }

    [TestMethod]
    public void ExampleFilePricesAWeekdayPeakHourInFrankfurtInEuros()
    {
        var model = CostModel.Load(ExampleFile);
        var site = model.SiteOf("gpu-node-012");
        var tenInBerlin = new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(2));

        var charge = model.EnergyCost(site, 3_600_000, tenInBerlin, tenInBerlin.AddHours(1));

        Assert.AreEqual("frankfurt", site.Name);
        Assert.IsTrue(site.IsTimeOfUse);
        Assert.AreEqual(1.35 * 0.31, charge.Cost, 1e-12);
        Assert.AreEqual("EUR", charge.Currency);
        Assert.AreEqual(4.60, model.GpuTimeCost("NVIDIA GB200", 3600)!.Cost, 1e-12);
    }

    [TestMethod]
    public void BadJsonIsReportedWithTheFileNameAndLine()
    {
        using var directory = new TempDirectory();
        var path = Write(directory, "broken.json", "{\n  \"currency\": \"USD\",\n  \"sites\": [ { \"name\": } ]\n}");

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [TestMethod]
    public void MisspeltSettingIsReportedRatherThanIgnored()
    {
        using var directory = new TempDirectory();
        var path = Write(directory, "typo.json", "{ \"currency\": \"USD\", \"default_site\": { \"name\": \"dc\", \"pue_factor\": 1.2 } }");

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("pue_factor", error.Message);
    }

    [TestMethod]
    public void ValueOfTheWrongTypeIsReportedWithItsPath()
    {
        using var directory = new TempDirectory();
        var path = Write(directory, "types.json", "{ \"currency\": \"USD\", \"default_site\": { \"name\": \"dc\", \"pue\": \"1.2\" } }");

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.Contains("$.default_site.pue", error.Message);
    }

    [TestMethod]
    public void InvalidSettingInAFileIsReportedWithTheFileNameAndJsonPath()
    {
        using var directory = new TempDirectory();
        var json = File.ReadAllText(ExampleFile).Replace("\"from\": \"08:00\"", "\"from\": \"25:00\"", StringComparison.Ordinal);
        var path = Write(directory, "cost.json", json);

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.AreEqual($"{path}: sites[1].tariff.periods[0].from '25:00' is not a time of day HH:mm; write it from \"00:00\" to \"23:59\"", error.Message);
    }

    [TestMethod]
    public void FileOverOneMebibyteIsRefused()
    {
        using var directory = new TempDirectory();
        var path = Write(directory, "huge.json", "{ \"currency\": \"USD\" }" + new string(' ', CostOptions.MaxFileBytes));

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.Contains("larger than 1 MiB", error.Message);
    }

    [TestMethod]
    public void MissingFileIsReportedWithItsName()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "absent.json");

        var error = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path + ": cannot be read", error.Message);
    }

    [TestMethod]
    public void FileWithAByteOrderMarkAndCommentsLoads()
    {
        using var directory = new TempDirectory();
        var json = "\uFEFF// written by hand\n{ \"currency\": \"EUR\", \"default_site\": { \"name\": \"dc\", \"pue\": 1.2, \"tariff\": { \"price_per_kwh\": 0.2 }, }, }";
        var path = Write(directory, "bom.json", json);

        var options = CostOptions.Load(path);

        Assert.AreEqual(1.2, options.DefaultSite!.Pue);
    }

    private static string Write(TempDirectory directory, string name, string text)
    {
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
