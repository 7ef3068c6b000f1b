using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Windows;

[TestClass]
public sealed class WatermarkTests
{
    private static readonly AggregatorOptions Options = new() { IdlePartitionTimeout = TimeSpan.FromSeconds(10) };

    [TestMethod]
    public void SlowPartitionHoldsTheWatermarkBack()
    {
        var aggregator = new SampleAggregator(Options, Clock());
        new SampleRows().Add(OtherH100, At(5)).FeedTo(aggregator, Samples1);
        TenSecondSamplesUpTo(100).FeedTo(aggregator, Samples0);

        var closed = aggregator.CloseReadyWindows();

        Assert.IsEmpty(closed);
        Assert.AreEqual(At(5), aggregator.WatermarkTracker.Value);
    }

    [TestMethod]
    public void PartitionSilentForLessThanTheIdleTimeoutStillHoldsTheWatermarkBack()
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        new SampleRows().Add(OtherH100, At(5)).FeedTo(aggregator, Samples1);
        TenSecondSamplesUpTo(100).FeedTo(aggregator, Samples0);
        clock.Advance(TimeSpan.FromSeconds(9));
        new SampleRows().Add(H100, At(110)).FeedTo(aggregator, Samples0);

        var closed = aggregator.CloseReadyWindows();

        Assert.IsEmpty(closed);
        Assert.AreEqual(At(5), aggregator.WatermarkTracker.Value);
    }

    [TestMethod]
    public void ANodeWhoseClockRunsAnHourAheadIsQuarantinedAndDoesNotMoveTheWatermark()
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        var now = clock.GetUtcNow() - Start;
        TenSecondSamplesUpTo((int)now.TotalSeconds - 60).FeedTo(aggregator, Samples0);
        new SampleRows().Add(OtherH100, At(now.TotalSeconds + 3600)).Add(OtherH100, At(now.TotalSeconds + 3610)).FeedTo(aggregator, Samples1);

        var closed = aggregator.CloseReadyWindows();

        Assert.AreEqual(2, aggregator.Counters.Future, "both samples an hour ahead are counted as future-dated");
        Assert.IsLessThan(clock.GetUtcNow().ToUnixTimeMilliseconds(), aggregator.WatermarkTracker.Value, "the watermark did not jump an hour ahead");
        Assert.IsTrue(closed.All(w => w.Gpus.All(g => g.GpuUuid != OtherH100.Uuid)), "nothing of the future-dated node was merged");
        Assert.AreEqual(0, aggregator.Counters.Late);
    }

    [TestMethod]
    public void AnAssignedPartitionHoldsTheWatermarkBackUntilItDeliversOrGoesIdle()
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        aggregator.WatermarkTracker.Expect(Samples1);
        TenSecondSamplesUpTo(200).FeedTo(aggregator, Samples0);

        Assert.IsEmpty(aggregator.CloseReadyWindows(), "partition 1 has not said anything yet");
        clock.Advance(Options.IdlePartitionTimeout + TimeSpan.FromSeconds(1));
        TenSecondSamplesUpTo(210).FeedTo(aggregator, Samples0);

        Assert.IsNotEmpty(aggregator.CloseReadyWindows(), "silent past the idle timeout, it no longer holds time back");
    }

    [TestMethod]
    public void PartitionsHeldPausedAreNotIdleHoweverLongTheyWait() =>
        PartitionOneHoldsTheWatermarkForAMinuteWhile(
            aggregator => aggregator.WatermarkTracker.Excuse(TimeSpan.FromSeconds(1)),
            "a minute paused behind a sink outage did not make every partition idle");

    /// <summary>The consumer is busy with partition 0 while partition 1's messages wait in the log.</summary>
    [TestMethod]
    public void APartitionWithMessagesWaitingToBeReadIsNotIdle() =>
        PartitionOneHoldsTheWatermarkForAMinuteWhile(
            aggregator => aggregator.WatermarkTracker.Backlogged(Samples1),
            "a minute with a backlog did not make partition 1 idle");

    /// <summary>
    /// Partition 1 has delivered 5 s, partition 0 100 s; for a minute <paramref name="everySecond"/> keeps partition 1
    /// from idling, and the watermark stays at 5 s; 11 s of plain silence later it moves on.
    /// </summary>
    private static void PartitionOneHoldsTheWatermarkForAMinuteWhile(Action<SampleAggregator> everySecond, string why)
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        new SampleRows().Add(OtherH100, At(5)).FeedTo(aggregator, Samples1);
        TenSecondSamplesUpTo(100).FeedTo(aggregator, Samples0);
        for (var second = 0; second < 60; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            everySecond(aggregator);
        }

        Assert.IsEmpty(aggregator.CloseReadyWindows());
        Assert.AreEqual(At(5), aggregator.WatermarkTracker.Value, why);
        clock.Advance(TimeSpan.FromSeconds(11));
        aggregator.CloseReadyWindows();
        Assert.AreEqual(At(100), aggregator.WatermarkTracker.Value, "silence afterwards still counts");
    }

    [TestMethod]
    public void PartitionSilentLongerThanTheIdleTimeoutNoLongerHoldsTheWatermarkBack()
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        new SampleRows().Add(OtherH100, At(5)).FeedTo(aggregator, Samples1);
        TenSecondSamplesUpTo(100).FeedTo(aggregator, Samples0);
        clock.Advance(TimeSpan.FromSeconds(11));
        new SampleRows().Add(H100, At(110)).FeedTo(aggregator, Samples0);

        var closed = aggregator.CloseReadyWindows();

        var window = Assert.ContainsSingle(closed);
        Assert.AreEqual(T0, window.Start);
        Assert.HasCount(2, window.Gpus);
        Assert.AreEqual(At(110), aggregator.WatermarkTracker.Value);
    }

    [TestMethod]
    public void WatermarkDoesNotMoveBackWhenAnIdlePartitionSendsAgain()
    {
        var clock = Clock();
        var aggregator = new SampleAggregator(Options, clock);
        new SampleRows().Add(OtherH100, At(5)).FeedTo(aggregator, Samples1);
        TenSecondSamplesUpTo(100).FeedTo(aggregator, Samples0);
        clock.Advance(TimeSpan.FromSeconds(11));
        new SampleRows().Add(H100, At(110)).FeedTo(aggregator, Samples0);
        aggregator.CloseReadyWindows();

        new SampleRows().Add(OtherH100, At(6)).FeedTo(aggregator, Samples1);
        var closed = aggregator.CloseReadyWindows();

        Assert.IsEmpty(closed);
        Assert.AreEqual(At(110), aggregator.WatermarkTracker.Value);
    }

    private static SampleRows TenSecondSamplesUpTo(int lastSecond)
    {
        var rows = new SampleRows();
        for (var s = 0; s <= lastSecond; s += 10)
        {
            rows.Add(H100, At(s));
        }

        return rows;
    }
}
