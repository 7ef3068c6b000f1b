using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class WindowClosingTests
{
    private static readonly AggregatorOptions Options = new() { WindowLength = TimeSpan.FromMinutes(1), AllowedLateness = TimeSpan.FromSeconds(30) };

    [TestMethod]
    public void WindowStaysOpenWhileTheWatermarkIsBeforeItsEndPlusTheAllowedLateness()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        ThreeSamplesInTheFirstWindow().FeedTo(aggregator, Samples0, offset: 0);
        new SampleRows().Add(H100, At(89.999)).FeedTo(aggregator, Samples0, offset: 1);

        var closed = aggregator.CloseReadyWindows();

        Assert.IsEmpty(closed);
        Assert.AreEqual(2, aggregator.OpenWindows);
    }

    [TestMethod]
    public void WindowClosesWithItsGpuStatisticsOnceALaterSampleMovesTheWatermarkPastIt()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        ThreeSamplesInTheFirstWindow().FeedTo(aggregator, Samples0, offset: 0);
        new SampleRows().Add(H100, At(90)).FeedTo(aggregator, Samples0, offset: 1);

        var closed = aggregator.CloseReadyWindows();

        var window = Assert.ContainsSingle(closed);
        Assert.AreEqual(T0, window.Start);
        Assert.AreEqual(At(60), window.End);
        var gpu = Assert.ContainsSingle(window.Gpus);
        Assert.AreEqual(H100.Uuid, gpu.GpuUuid);
        Assert.AreEqual(3, gpu.Samples);
        Assert.AreEqual(60.0, gpu.GpuUtilMean);
        Assert.AreEqual(80.0, gpu.GpuUtilMax);
        Assert.AreEqual(250.0, gpu.PowerMean);
        Assert.AreEqual(300.0, gpu.PowerMax);
        Assert.AreEqual(1, aggregator.OpenWindows);
    }

    [TestMethod]
    public void SampleForAClosedWindowIsCountedLateAndChangesNoWindow()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        ThreeSamplesInTheFirstWindow().FeedTo(aggregator, Samples0, offset: 0);
        new SampleRows().Add(H100, At(90)).FeedTo(aggregator, Samples0, offset: 1);
        var first = Assert.ContainsSingle(aggregator.CloseReadyWindows());

        new SampleRows().Add(OtherH100, At(30), new Reading(GpuUtil: 100, Power: 700)).FeedTo(aggregator, Samples0, offset: 2);

        Assert.AreEqual(1, aggregator.Counters.Late);
        Assert.AreEqual(4, aggregator.Counters.Aggregated);
        var rest = Assert.ContainsSingle(aggregator.CloseAll());
        Assert.AreEqual(At(60), rest.Start);
        Assert.AreEqual(H100.Uuid, Assert.ContainsSingle(rest.Gpus).GpuUuid);
        Assert.AreEqual(300.0, Assert.ContainsSingle(first.Gpus).PowerMax);
        Assert.AreEqual(2, aggregator.Counters.WindowsClosed);
    }

    [TestMethod]
    public void SampleAtTheGpusPreviousTimeIsCountedDuplicateAndNotAggregated()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        new SampleRows()
            .Add(H100, At(0), new Reading(Power: 200))
            .Add(H100, At(10), new Reading(Power: 300))
            .FeedTo(aggregator, Samples0, offset: 0);

        new SampleRows().Add(H100, At(10), new Reading(Power: 900)).FeedTo(aggregator, Samples0, offset: 1);

        Assert.AreEqual(1, aggregator.Counters.Duplicate);
        Assert.AreEqual(2, aggregator.Counters.Aggregated);
        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);
        Assert.AreEqual(2, gpu.Samples);
        Assert.AreEqual(300.0, gpu.PowerMax);
    }

    [TestMethod]
    public void RowsDatedBeforeTheYear2000AreCountedInvalidAndNotAggregated()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        var lastSecondOf1999 = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds();

        new SampleRows()
            .Add(H100, 0)
            .Add(OtherH100, lastSecondOf1999)
            .Add(H100, At(0))
            .FeedTo(aggregator, Samples0);

        Assert.AreEqual(3, aggregator.Counters.Received);
        Assert.AreEqual(2, aggregator.Counters.Invalid);
        Assert.AreEqual(1, aggregator.Counters.Aggregated);
        Assert.AreEqual(1, aggregator.OpenWindows);
    }

    private static SampleRows ThreeSamplesInTheFirstWindow() => new SampleRows()
        .Add(H100, At(0), new Reading(GpuUtil: 40, Power: 200))
        .Add(H100, At(10), new Reading(GpuUtil: 80, Power: 300))
        .Add(H100, At(20), new Reading(GpuUtil: 60, Power: 250));
}
