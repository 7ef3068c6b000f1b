using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Contract.Messages;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class ThroughputTests
{
    [TestMethod]
    public void EventSpanningTwoWindowsIsSplitInProportionToTimeAndGivesTokensPerJoule()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        TwoThousandJoulesEveryTenSecondsUpTo(80).FeedTo(aggregator, Samples0);

        aggregator.AddThroughput(new ThroughputEvent("job-1", Start.AddSeconds(40), Start.AddSeconds(70), 900, "tokens"), Throughput0, 0);
        var closed = aggregator.CloseAll();

        // 20 of the event's 30 s fall in the first window, 10 in the second.
        var first = Assert.ContainsSingle(closed[0].Jobs);
        var second = Assert.ContainsSingle(closed[1].Jobs);
        Assert.AreEqual(600L, first.Tokens);
        Assert.AreEqual(300L, second.Tokens);
        Assert.AreEqual("tokens", first.ThroughputUnit);
        Assert.AreEqual(12_000.0, first.EnergyJoules);
        Assert.AreEqual(4_000.0, second.EnergyJoules);
        Assert.AreEqual(600 / 12_000.0, first.TokensPerJoule);
        Assert.AreEqual(300 / 4_000.0, second.TokensPerJoule);
        Assert.AreEqual(1, aggregator.Counters.ThroughputEvents);
    }

    [TestMethod]
    public void SplitTokensAddUpExactlyToTheEventsCount()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());

        aggregator.AddThroughput(new ThroughputEvent("job-1", Start.AddSeconds(50), Start.AddSeconds(130), 1001, "tokens"), Throughput0, 0);
        var tokens = aggregator.CloseAll().Select(w => Assert.ContainsSingle(w.Jobs).Tokens).ToArray();

        // 10, 60 and 10 of the event's 80 s in the three windows; no token lost to rounding.
        Assert.HasCount(3, tokens);
        Assert.AreEqual(1001L, tokens.Sum());
        Assert.AreEqual(1001 * 10 / 80.0, tokens[0], 1.0);
        Assert.AreEqual(1001 * 60 / 80.0, tokens[1], 1.0);
        Assert.AreEqual(1001 * 10 / 80.0, tokens[2], 1.0);
    }

    [TestMethod]
    public void TokensForAClosedWindowAreCountedLate()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions { AllowedLateness = TimeSpan.FromSeconds(30) }, Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        TwoThousandJoulesEveryTenSecondsUpTo(90).FeedTo(aggregator, Samples0);
        Assert.AreEqual(T0, Assert.ContainsSingle(aggregator.CloseReadyWindows()).Start);

        aggregator.AddThroughput(new ThroughputEvent("job-1", Start.AddSeconds(50), Start.AddSeconds(70), 100, "tokens"), Throughput0, 0);

        Assert.AreEqual(50, aggregator.Counters.LateTokens);
        var rest = Assert.ContainsSingle(aggregator.CloseAll());
        Assert.AreEqual(At(60), rest.Start);
        Assert.AreEqual(50L, Assert.ContainsSingle(rest.Jobs).Tokens);
    }

    private static SampleRows TwoThousandJoulesEveryTenSecondsUpTo(int lastSecond)
    {
        var rows = new SampleRows();
        for (var s = 0; s <= lastSecond; s += 10)
        {
            rows.Add(H100, At(s), new Reading(SmActive: 0.5, EnergyMilliJoules: 3_000_000_000 + (s * 200_000L)));
        }

        return rows;
    }
}
