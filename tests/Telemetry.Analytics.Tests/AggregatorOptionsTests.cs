using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;

namespace Telemetry.Analytics.Tests;

[TestClass]
public sealed class AggregatorOptionsTests
{
    [TestMethod]
    public void DefaultsAreValid()
    {
        var options = new AggregatorOptions();

        options.Validate();

        Assert.AreEqual(TimeSpan.FromMinutes(1), options.WindowLength);
    }

    [TestMethod]
    public void WindowShorterThanASecondIsRejectedNamingTheSetting()
    {
        var options = new AggregatorOptions { WindowLength = TimeSpan.FromMilliseconds(500) };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("Aggregator:WindowLength", error.Message);
    }

    [TestMethod]
    public void BusySmActivityOutsideZeroToOneIsRejectedNamingTheSetting()
    {
        var options = new AggregatorOptions { BusySmActivity = 1.5 };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("Aggregator:BusySmActivity", error.Message);
    }

    [TestMethod]
    public void EmptyGroupIdIsRejectedNamingTheSetting()
    {
        var options = new AggregatorOptions { GroupId = " " };

        var error = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("Aggregator:GroupId", error.Message);
    }

    [TestMethod]
    public void AggregatorRefusesToStartWithABadSetting()
    {
        var options = new AggregatorOptions { WindowLength = TimeSpan.Zero };

        var error = Assert.ThrowsExactly<ArgumentException>(() => new SampleAggregator(options, TestFleet.Clock()));

        Assert.Contains("Aggregator:WindowLength", error.Message);
    }
}
