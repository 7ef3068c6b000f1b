using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Telemetry.Agent.Spooling;
using Telemetry.Contract.Messages;
using static Telemetry.Agent.Tests.Spooling.SpoolRecords;

namespace Telemetry.Agent.Tests.Spooling;

/// <summary>Opening a spool directory again after a stop or a crash, with the damage a crash leaves in real files.</summary>
[TestClass]
public sealed class DiskSpoolRecoveryTests : IDisposable
{
    private const int SmallSegment = 1024;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [TestMethod]
    public void ReopeningRecoversTheUnacknowledgedRecordsInOrder()
    {
        using (var spool = Open(SmallSegment))
        {
            for (var seq = 1; seq <= 8; seq++)
            {
                spool.Append(Sample(seq), leased: false);
            }

            ReadAll(spool).Take(2).ToList().ForEach(r => spool.Acknowledge(r.Id));
        }

        using var reopened = Open(SmallSegment);

        Assert.AreEqual(new DeliveryCount(6, 60), reopened.Counts.Recovered);
        Assert.AreEqual(8, reopened.RecoveredSequences[Topics.Samples]);
        CollectionAssert.AreEqual(new long[] { 3, 4, 5, 6, 7, 8 }, Sequences(ReadAll(reopened)));
    }

    [TestMethod]
    public void WhatAnAgentThatDiedWithoutStoppingHadSpooledIsRecovered()
    {
        using var crashed = new TempDirectory();
        using var running = Open(SmallSegment);
        for (var seq = 1; seq <= 5; seq++)
        {
            running.Append(Sample(seq), leased: false);
        }

        // The files as a killed process leaves them: no Dispose, no final sync of the acknowledged position.
        CopyDirectory(_directory.Path, crashed.Path);
        using var recovered = DiskSpool.Open(Options(crashed.Path, SmallSegment), NullLogger.Instance);

        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5 }, Sequences(ReadAll(recovered)));
    }

    [TestMethod]
    public void ATornRecordAtTheEndIsCutAndTheRecordsBeforeItAreKept()
    {
        var frame = FrameBytes(Sample(1));
        AppendAndClose(3);
        var segment = _directory.Segments().Single();
        using (var file = File.OpenWrite(segment))
        {
            file.SetLength(file.Length - 5);
        }

        var logger = new FakeLogger();
        using var reopened = Open(logger: logger);
        var read = Sequences(ReadAll(reopened));
        reopened.Append(Sample(4), leased: false);

        CollectionAssert.AreEqual(new long[] { 1, 2 }, read);
        CollectionAssert.AreEqual(new long[] { 4 }, Sequences(ReadAll(reopened)), "appending goes on after the cut");
        Assert.AreEqual(1, reopened.Counts.TornTails);
        Assert.AreEqual(frame - 5, reopened.Counts.TornBytes);
        Assert.AreEqual(SpoolSegment.HeaderBytes + (2L * frame), new FileInfo(segment).Length, "the torn tail is gone from the file");
        Assert.IsTrue(logger.Collector.GetSnapshot().Any(r => r.Level == LogLevel.Warning && r.Message.Contains(Path.GetFileName(segment), StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ARecordWithAWrongChecksumIsCutWithTheRestOfItsSegmentWhileLaterSegmentsAreKept()
    {
        var frame = FrameBytes(Sample(1));
        var perSegment = (SmallSegment - SpoolSegment.HeaderBytes) / frame;
        Assert.AreEqual(3, perSegment, "the test lays out three records per segment");
        AppendAndClose(6, SmallSegment);
        var first = _directory.Segments()[0];
        var bytes = File.ReadAllBytes(first);
        bytes[SpoolSegment.HeaderBytes + frame + 40] ^= 0x5A;
        File.WriteAllBytes(first, bytes);

        using var reopened = Open(SmallSegment);

        CollectionAssert.AreEqual(new long[] { 1, 4, 5, 6 }, Sequences(ReadAll(reopened)));
        Assert.AreEqual(1, reopened.Counts.TornTails);
        Assert.AreEqual(2L * frame, reopened.Counts.TornBytes);
    }

    [TestMethod]
    public void AZeroFilledEndIsNotMistakenForRecords()
    {
        AppendAndClose(2);
        using (var file = new FileStream(_directory.Segments().Single(), FileMode.Append))
        {
            file.Write(new byte[4096]);
        }

        using var reopened = Open();

        CollectionAssert.AreEqual(new long[] { 1, 2 }, Sequences(ReadAll(reopened)));
        Assert.AreEqual(4096, reopened.Counts.TornBytes);
    }

    private static SpoolOptions Options(string directory, int segmentBytes) =>
        new() { Directory = directory, SegmentBytes = segmentBytes, MaxBytes = 1L << 30 };

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        // The lock file is held by the running spool; a dead process's lock would be gone with it.
        foreach (var file in Directory.GetFiles(from).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private void AppendAndClose(int records, int segmentBytes = 4 << 20)
    {
        using var spool = Open(segmentBytes);
        for (var seq = 1; seq <= records; seq++)
        {
            spool.Append(Sample(seq), leased: false);
        }
    }

    private DiskSpool Open(int segmentBytes = 4 << 20, ILogger? logger = null) =>
        DiskSpool.Open(Options(_directory.Path, segmentBytes), logger ?? NullLogger.Instance);
}
