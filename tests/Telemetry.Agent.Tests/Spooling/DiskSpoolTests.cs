using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Telemetry.Agent.Spooling;
using static Telemetry.Agent.Tests.Spooling.SpoolRecords;

namespace Telemetry.Agent.Tests.Spooling;

/// <summary>The spool on real files: order, leases, acknowledgement, segment deletion and the size cap.</summary>
[TestClass]
public sealed class DiskSpoolTests : IDisposable
{
    private const int SmallSegment = 1024;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [TestMethod]
    public void RecordsAreReadBackInTheOrderTheyWereAppendedAndWhole()
    {
        using var spool = Open();
        SpoolRecord[] appended = [Sample(1), Allocation(1), Sample(2, rows: 3), Allocation(2), Sample(3)];

        foreach (var record in appended)
        {
            spool.Append(record, leased: false);
        }

        var read = ReadAll(spool);

        Assert.HasCount(appended.Length, read);
        for (var i = 0; i < appended.Length; i++)
        {
            var (expected, actual) = (appended[i], read[i].Record);
            Assert.AreEqual(expected.Topic, actual.Topic);
            Assert.AreEqual(expected.Key, actual.Key);
            CollectionAssert.AreEqual(expected.Value, actual.Value);
            CollectionAssert.AreEqual(expected.Headers.Select(h => h.Key).ToList(), actual.Headers.Select(h => h.Key).ToList());
            CollectionAssert.AreEqual(expected.Headers.Select(h => Convert.ToHexString(h.Value ?? [])).ToList(), actual.Headers.Select(h => Convert.ToHexString(h.Value ?? [])).ToList());
            Assert.AreEqual(expected.Rows, actual.Rows);
        }

        Assert.IsFalse(spool.TryRead(out _, out _), "a leased record is not read twice");
        Assert.AreEqual(new SpoolCounts(default, appended.Length, default, default, 0, 0, spool.Counts.Bytes), spool.Counts);
    }

    [TestMethod]
    public void AReleasedRecordIsReadAgainBeforeNewerOnesOnceNoLeaseIsOpen()
    {
        using var spool = Open();
        for (var seq = 1; seq <= 3; seq++)
        {
            spool.Append(Sample(seq), leased: false);
        }

        var first = ReadAll(spool);
        spool.Release(first[1].Id);
        var whileOthersInFlight = spool.TryRead(out _, out _);
        spool.Acknowledge(first[0].Id);
        spool.Release(first[2].Id);
        spool.Append(Sample(4), leased: false);

        Assert.IsFalse(whileOthersInFlight, "nothing newer may overtake the released record");
        CollectionAssert.AreEqual(new long[] { 2, 3, 4 }, Sequences(ReadAll(spool)));
    }

    [TestMethod]
    public void AcknowledgedRecordsAreNotReadAgainNeitherNowNorAfterReopening()
    {
        using (var spool = Open())
        {
            for (var seq = 1; seq <= 5; seq++)
            {
                spool.Append(Sample(seq), leased: false);
            }

            var read = ReadAll(spool);
            foreach (var index in new[] { 0, 1, 3 })
            {
                spool.Acknowledge(read[index].Id);
            }

            spool.Release(read[2].Id);
            spool.Release(read[4].Id);
            CollectionAssert.AreEqual(new long[] { 3, 5 }, Sequences(ReadAll(spool)), "before reopening");
        }

        using var reopened = Open();

        CollectionAssert.AreEqual(new long[] { 3, 5 }, Sequences(ReadAll(reopened)), "after reopening");
        Assert.AreEqual(new DeliveryCount(2, 20), reopened.Counts.Recovered);
    }

    [TestMethod]
    public void FullyAcknowledgedSegmentsAreDeleted()
    {
        using var spool = Open(SmallSegment);
        var perSegment = RecordsPerSegment(SmallSegment);
        for (var seq = 1; seq <= 3 * perSegment; seq++)
        {
            spool.Append(Sample(seq), leased: false);
        }

        var read = ReadAll(spool);
        Assert.HasCount(3, _directory.Segments());

        read.Take(2 * perSegment).ToList().ForEach(r => spool.Acknowledge(r.Id));
        var afterTwo = _directory.Segments().Length;
        read.Skip(2 * perSegment).ToList().ForEach(r => spool.Acknowledge(r.Id));

        Assert.AreEqual(1, afterTwo);
        Assert.IsEmpty(_directory.Segments());
        Assert.AreEqual(0, spool.Counts.Bytes);
    }

    [TestMethod]
    public void OverTheCapTheOldestSegmentsAreDroppedWholeAndCountedInMessagesAndRows()
    {
        var logger = new FakeLogger();
        const long Cap = 4 * SmallSegment;
        using var spool = Open(SmallSegment, Cap, logger);
        const int Appended = 30;

        for (var seq = 1; seq <= Appended; seq++)
        {
            spool.Append(Sample(seq, rows: 7), leased: false);
        }

        var survivors = Sequences(ReadAll(spool));
        var dropped = Appended - survivors.Count;
        var drops = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains("dropped", StringComparison.Ordinal)).ToList();

        Assert.IsGreaterThan(0, dropped);
        Assert.AreEqual(0, dropped % RecordsPerSegment(SmallSegment), "whole segments go");
        CollectionAssert.AreEqual(Enumerable.Range(dropped + 1, survivors.Count).Select(s => (long)s).ToList(), survivors, "the newest survive, in order");
        Assert.AreEqual(new DeliveryCount(dropped, 7L * dropped), spool.Counts.Dropped);
        Assert.IsLessThanOrEqualTo(Cap, spool.Counts.Bytes);
        Assert.AreEqual(spool.Counts.Bytes, _directory.Segments().Sum(f => new FileInfo(f).Length));
        Assert.HasCount(dropped / RecordsPerSegment(SmallSegment), drops, "one warning per dropped segment");
    }

    [TestMethod]
    public void ARecordInFlightFromADroppedSegmentCountsAsDroppedOnlyIfItsDeliveryFails()
    {
        using var spool = Open(SmallSegment, 2 * SmallSegment);
        spool.Append(Sample(1), leased: false);
        spool.Append(Sample(2), leased: false);
        var inFlight = ReadAll(spool);
        for (var seq = 3; seq <= 20; seq++)
        {
            spool.Append(Sample(seq), leased: false);
        }

        var droppedBefore = spool.Counts.Dropped;
        spool.Acknowledge(inFlight[0].Id);
        var afterAcknowledged = spool.Counts.Dropped;
        spool.Release(inFlight[1].Id);

        Assert.AreEqual(droppedBefore, afterAcknowledged, "a delivered record is not lost");
        Assert.AreEqual(droppedBefore + new DeliveryCount(1, 10), spool.Counts.Dropped, "a failed one with no segment left is");
        Assert.AreEqual(0, spool.Counts.Leased);
        CollectionAssert.DoesNotContain(Sequences(ReadAll(spool)), 2L);
    }

    [TestMethod]
    public void ASecondSpoolOnTheSameDirectoryIsRefused()
    {
        using var first = Open();

        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => Open());

        Assert.Contains("Spool:Directory", refused.Message);
    }

    private static int RecordsPerSegment(int segmentBytes) => (segmentBytes - SpoolSegment.HeaderBytes) / FrameBytes(Sample(1));

    private DiskSpool Open(int segmentBytes = 4 << 20, long maxBytes = 1L << 30, ILogger? logger = null) =>
        DiskSpool.Open(new SpoolOptions { Directory = _directory.Path, SegmentBytes = segmentBytes, MaxBytes = maxBytes }, logger ?? NullLogger.Instance);
}
