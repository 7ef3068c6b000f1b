using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Consuming;

[TestClass]
public sealed class MessageHandlerTests
{
    private static readonly byte[] Garbage = "{\"not\": \"arrow\"}"u8.ToArray();

    private readonly FakeTimeProvider _clock = Clock();
    private readonly MessageHandler _handler;
    private readonly MessageFactory _messages;

    public MessageHandlerTests()
    {
        var options = new AggregatorOptions();
        _handler = new MessageHandler(new SampleAggregator(options, _clock), options, _clock, NullLogger.Instance);
        _messages = new MessageFactory(_clock);
    }

    private AggregatorCounters Rows => _handler.Aggregator.Counters;

    [TestMethod]
    public void ValueThatIsNotArrowIsCountedWithItsRowsInvalidAndTheNextValidMessageIsStillAggregated()
    {
        _handler.Handle(_messages.Samples(0, Garbage, MessageFactory.Headers(seq: 1, rows: 3)));

        _handler.Handle(_messages.Samples(1, TwoRows().Encode(), MessageFactory.Headers(seq: 2, rows: 2)));

        Assert.AreEqual(1, _handler.Counters.BadMessages["not-arrow"]);
        Assert.AreEqual(3, Rows.Invalid);
        Assert.AreEqual(2, Rows.Aggregated);
        Assert.AreEqual(2, _handler.Counters.Consumed);
    }

    [TestMethod]
    public void APartitionForgottenAndReadAgainFromItsCommittedOffsetIsAggregatedAgainNotTakenForDuplicates()
    {
        var message = _messages.Samples(0, TwoRows().Encode(), MessageFactory.Headers(seq: 1, rows: 2));
        _handler.Handle(message);

        // Revoked and assigned back to this instance: the partition is read again from its committed offset.
        _handler.Forget(message.Source);
        _handler.Handle(message);

        Assert.AreEqual(2, Rows.HandedOver, "the first reading's rows went with the partition");
        Assert.AreEqual(4, Rows.Aggregated, "and the second reading aggregated them again");
        Assert.AreEqual(0, _handler.Counters.DuplicateMessages, "no message of the replay was taken for a duplicate");
    }

    [TestMethod]
    public void MessageOfAnUnknownSchemaVersionIsCountedAsUnsupportedVersionAndNotAggregated()
    {
        _handler.Handle(_messages.Samples(0, TwoRows().Encode(), MessageFactory.Headers(seq: 1, version: 99)));

        Assert.AreEqual(1, _handler.Counters.BadMessages["unsupported-version"]);
        Assert.AreEqual(0, Rows.Received);
    }

    [TestMethod]
    public void MessageWithoutAgentIdIsCountedAsMissingHeadersAndNotAggregated()
    {
        _handler.Handle(_messages.Samples(0, TwoRows().Encode(), MessageFactory.Headers(seq: 1, agent: null)));

        Assert.AreEqual(1, _handler.Counters.BadMessages["missing-headers"]);
        Assert.AreEqual(0, Rows.Received);
    }

    [TestMethod]
    public void AFirstMessageLaterThanTheCommittedOffsetCountsTheMessagesRetentionDeleted()
    {
        _handler.ExpectOffset(Samples0, 10);

        _handler.Handle(_messages.Samples(15, new SampleRows().Add(H100, At(0)).Encode(), MessageFactory.Headers(seq: 1)));

        Assert.AreEqual(5, _handler.Counters.SkippedOffsets, "offsets 10 to 14 were never read");
        Assert.AreEqual(1, Rows.Aggregated);
    }

    [TestMethod]
    public void WithoutACommittedOffsetTheFirstMessageIsWhereReadingStarts()
    {
        _handler.ExpectOffset(Samples0, -1001);

        _handler.Handle(_messages.Samples(15, new SampleRows().Add(H100, At(0)).Encode(), MessageFactory.Headers(seq: 1)));

        Assert.AreEqual(0, _handler.Counters.SkippedOffsets);
    }

    [TestMethod]
    public void SequenceGapOfTwoCountsTwoLostMessages()
    {
        _handler.Handle(_messages.Samples(0, new SampleRows().Add(H100, At(0)).Encode(), MessageFactory.Headers(seq: 1)));

        _handler.Handle(_messages.Samples(1, new SampleRows().Add(H100, At(10)).Encode(), MessageFactory.Headers(seq: 4)));

        Assert.AreEqual(2, _handler.Counters.LostMessages);
        Assert.AreEqual(2, Rows.Aggregated);
    }

    [TestMethod]
    public void RepeatedSequenceNumberIsCountedDuplicateAndNotAggregatedTwice()
    {
        var value = TwoRows().Encode();
        _handler.Handle(_messages.Samples(0, value, MessageFactory.Headers(seq: 1)));

        _handler.Handle(_messages.Samples(1, value, MessageFactory.Headers(seq: 1)));

        Assert.AreEqual(1, _handler.Counters.DuplicateMessages);
        Assert.AreEqual(2, Rows.Received);
        Assert.AreEqual(2, Rows.Aggregated);
        Assert.AreEqual(0, Rows.Duplicate);
    }

    [TestMethod]
    public void BatchNeedingAnAllocationNotYetAppliedIsParkedAndHoldsItsPartitionsSafeOffset()
    {
        _handler.Handle(_messages.Samples(7, TwoRows().Encode(), MessageFactory.Headers(seq: 1, allocSeq: 1)));

        Assert.AreEqual(1, _handler.ParkedCount);
        Assert.AreEqual(1, _handler.Counters.Parked);
        Assert.AreEqual(0, Rows.Received);
        Assert.IsLessThanOrEqualTo(7L, _handler.SafeOffset(Samples0)!.Value);
    }

    [TestMethod]
    public void ParkedBatchIsAggregatedAndAttributedToTheJobWhenItsAllocationArrives()
    {
        _handler.Handle(_messages.Samples(7, TwoRows().Encode(), MessageFactory.Headers(seq: 1, allocSeq: 1)));

        _handler.Handle(_messages.Allocation(0, StartJob("job-1", 0, H100), seq: 1));

        Assert.AreEqual(0, _handler.ParkedCount);
        Assert.AreEqual(2, Rows.Aggregated);
        var job = Assert.ContainsSingle(Assert.ContainsSingle(_handler.Aggregator.CloseAll()).Jobs);
        Assert.AreEqual("job-1", job.JobId);
        Assert.AreEqual(10.0, job.GpuSeconds);
        Assert.AreEqual(0, _handler.Counters.AttributionTimeouts);
    }

    [TestMethod]
    public void AParkedBatchKeepsItsRowsWhenTheConsumersReusedBufferTakesTheNextMessage()
    {
        // The consumer hands each value over in one buffer that the next message overwrites.
        var buffer = new byte[64 * 1024];
        var samples = TwoRows().Encode();
        samples.CopyTo(buffer, 0);
        _handler.Handle(_messages.Samples(7, samples, MessageFactory.Headers(seq: 1, allocSeq: 1)) with { Value = buffer.AsMemory(0, samples.Length) });
        var allocation = _messages.Allocation(0, StartJob("job-1", 0, H100), seq: 1);
        Array.Clear(buffer);
        allocation.Value!.Value.CopyTo(buffer);

        _handler.Handle(allocation with { Value = buffer.AsMemory(0, allocation.Value.Value.Length) });

        Assert.AreEqual(0, _handler.ParkedCount);
        Assert.AreEqual(2, Rows.Aggregated);
        Assert.AreEqual(0L, _handler.Counters.BadMessagesTotal);
        Assert.AreEqual("job-1", Assert.ContainsSingle(Assert.ContainsSingle(_handler.Aggregator.CloseAll()).Jobs).JobId);
    }

    [TestMethod]
    public void ParkedBatchIsAggregatedOnceItHasWaitedTheLongestAttributionWait()
    {
        _handler.Handle(_messages.Samples(7, TwoRows().Encode(), MessageFactory.Headers(seq: 1, allocSeq: 1)));
        _clock.Advance(TimeSpan.FromSeconds(29));
        var releasedEarly = _handler.ReleaseOverdue();
        _clock.Advance(TimeSpan.FromSeconds(1));

        var released = _handler.ReleaseOverdue();

        Assert.AreEqual(0, releasedEarly);
        Assert.AreEqual(1, released);
        Assert.AreEqual(0, _handler.ParkedCount);
        Assert.AreEqual(1, _handler.Counters.AttributionTimeouts);
        Assert.AreEqual(2, Rows.Aggregated);
    }

    [TestMethod]
    public void EachCauseOfBadMessagesIsLoggedOnceAndCountedEveryTime()
    {
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var options = new AggregatorOptions();
        var handler = new MessageHandler(new SampleAggregator(options, _clock), options, _clock, logger);

        handler.Handle(_messages.Samples(0, Garbage, MessageFactory.Headers(seq: 1, rows: 3)));
        handler.Handle(_messages.Samples(1, Garbage, MessageFactory.Headers(seq: 2, rows: 3)));
        handler.Handle(_messages.Samples(2, TwoRows().Encode(), MessageFactory.Headers(seq: 3, version: 9)));
        handler.Handle(_messages.Samples(3, TwoRows().Encode(), MessageFactory.Headers(seq: 4, version: 9)));

        Assert.AreEqual(2, handler.Counters.BadMessages["not-arrow"]);
        Assert.AreEqual(2, handler.Counters.BadMessages["unsupported-version"]);
        var logged = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 100).ToList();
        Assert.HasCount(2, logged, "one warning per cause");
        Assert.IsTrue(logged.Any(r => r.Message.Contains("not-arrow", StringComparison.Ordinal)));
        Assert.IsTrue(logged.Any(r => r.Message.Contains("schema version 9", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void MessageOfAnUnknownSchemaVersionIsBadButNotAlsoLost()
    {
        _handler.Handle(_messages.Samples(0, new SampleRows().Add(H100, At(0)).Encode(), MessageFactory.Headers(seq: 1)));
        _handler.Handle(_messages.Samples(1, new SampleRows().Add(H100, At(10)).Encode(), MessageFactory.Headers(seq: 2, version: 2)));

        _handler.Handle(_messages.Samples(2, new SampleRows().Add(H100, At(20)).Encode(), MessageFactory.Headers(seq: 3)));

        Assert.AreEqual(1, _handler.Counters.BadMessages["unsupported-version"]);
        Assert.AreEqual(0, _handler.Counters.LostMessages);
        Assert.AreEqual(2, Rows.Aggregated);
    }

    [TestMethod]
    public void AtTheEndOfAFiniteStreamParkedBatchesAreAggregatedWithoutWaiting()
    {
        _handler.Handle(_messages.Samples(7, TwoRows().Encode(), MessageFactory.Headers(seq: 1, allocSeq: 1)));

        _handler.ReleaseAll();

        Assert.AreEqual(0, _handler.ParkedCount);
        Assert.AreEqual(1, _handler.Counters.AttributionTimeouts);
        Assert.AreEqual(2, Rows.Aggregated);
    }

    private static SampleRows TwoRows() => new SampleRows()
        .Add(H100, At(0), new Reading(SmActive: 0.5, Power: 400))
        .Add(H100, At(10), new Reading(SmActive: 0.5, Power: 400));
}
