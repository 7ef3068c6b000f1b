using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class EnergyConfidenceTests
{
    [TestMethod]
    public void CounterAndIntegralThatAgreeAreMarkedAgree()
    {
        var gpu = Single(new SampleRows()
            .Add(H100, At(0), new Reading(Power: 500, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(Power: 500, EnergyMilliJoules: 1_005_100_000)));

        Assert.AreEqual("agree", gpu.EnergyConfidence);
        Assert.AreEqual(5_100.0, gpu.EnergyJoules, "the counter is chosen");
        Assert.AreEqual(5_000.0, gpu.EnergyIntegratedJoules);
    }

    [TestMethod]
    public void SourcesThatDifferBeyondTheToleranceAreMarkedDisagreeAndTheCounterIsChosen()
    {
        var gpu = Single(new SampleRows()
            .Add(H100, At(0), new Reading(Power: 500, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(Power: 500, EnergyMilliJoules: 1_008_000_000)));

        Assert.AreEqual("disagree", gpu.EnergyConfidence);
        Assert.AreEqual(8_000.0, gpu.EnergyJoules);
    }

    [TestMethod]
    public void AGpuThatReportsPowerButNoCounterIsIntegralOnly()
    {
        var gpu = Single(new SampleRows()
            .Add(H100, At(0), new Reading(Power: 300))
            .Add(H100, At(10), new Reading(Power: 500)));

        Assert.AreEqual("integral-only", gpu.EnergyConfidence);
        Assert.AreEqual(4_000.0, gpu.EnergyJoules);
    }

    [TestMethod]
    public void ACounterResetMidWindowIsCountedAndItsIntervalUsesIntegratedPower()
    {
        var gpu = Single(new SampleRows()
            .Add(H100, At(0), new Reading(Power: 400, EnergyMilliJoules: 9_000_000_000))
            .Add(H100, At(10), new Reading(Power: 400, EnergyMilliJoules: 9_004_000_000))
            .Add(H100, At(20), new Reading(Power: 400, EnergyMilliJoules: 1_000))
            .Add(H100, At(30), new Reading(Power: 400, EnergyMilliJoules: 4_001_000)));

        Assert.AreEqual(1, gpu.CounterResets);
        Assert.AreEqual(0, gpu.CounterWraps);
        Assert.AreEqual(4_000.0 + 4_000.0 + 4_000.0, gpu.EnergyJoules, 1e-9, "counter, integral over the reset, counter again");
    }

    [TestMethod]
    public void ACounterThatWrapsAt32BitsIsNotAReset()
    {
        var gpu = Single(new SampleRows()
            .Add(H100, At(0), new Reading(Power: 500, EnergyMilliJoules: 4_294_965_296))
            .Add(H100, At(10), new Reading(Power: 500, EnergyMilliJoules: 4_998_000)));

        Assert.AreEqual(1, gpu.CounterWraps);
        Assert.AreEqual(0, gpu.CounterResets);
        Assert.AreEqual(5_000.0, gpu.EnergyJoules, 1e-9);
    }

    [TestMethod]
    public void ATenMinuteGapIsMarkedAndNotBridgedByTheIntegral()
    {
        var options = new AggregatorOptions { WindowLength = TimeSpan.FromHours(1) };
        var aggregator = new SampleAggregator(options, Clock());
        new SampleRows()
            .Add(H100, At(0), new Reading(Power: 500))
            .Add(H100, At(10), new Reading(Power: 500))
            .Add(H100, At(610), new Reading(Power: 500))
            .Add(H100, At(620), new Reading(Power: 500))
            .FeedTo(aggregator, Samples0);
        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);

        Assert.AreEqual("gap", gpu.EnergyConfidence);
        Assert.AreEqual(1, gpu.Gaps);
        Assert.AreEqual(10_000.0, gpu.EnergyJoules, "only the two ten-second intervals; the ten minutes between are a gap");
        Assert.AreEqual(20.0 / 3600, gpu.Coverage, 1e-12);
    }

    private static GpuWindow Single(SampleRows rows)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        rows.FeedTo(aggregator, Samples0);
        return Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);
    }
}
