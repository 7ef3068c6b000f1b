using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Consuming;

[TestClass]
public sealed class AggregatorConsumerTests
{
    [TestMethod]
    public async Task BadMessagesOnTheWireAreCountedByCauseAndConsumingGoesOn()
    {
        using var ledgerDirectory = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 2);
        }

        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("test-agent")).Build())
        {
            var firstBatch = new SampleRows().Add(H100, At(0)).Add(H100, At(10)).Add(H100, At(20)).Encode();
            var secondBatch = new SampleRows().Add(H100, At(30)).Add(H100, At(40)).Encode();
            await ProduceAsync(producer, firstBatch, MessageFactory.Headers(seq: 1, rows: 3, allocSeq: 0), timeout.Token);
            await ProduceAsync(producer, "garbage"u8.ToArray(), MessageFactory.Headers(seq: 2, rows: 3, allocSeq: 0), timeout.Token);
            await ProduceAsync(producer, secondBatch, MessageFactory.Headers(seq: 3, rows: 2, allocSeq: 0, version: 2), timeout.Token);
            await ProduceAsync(producer, secondBatch, MessageFactory.Headers(seq: 4, rows: 2, allocSeq: 0), timeout.Token);
        }

        var options = new AggregatorOptions { GroupId = "aggregator-" + Guid.NewGuid().ToString("N") };
        using var consumer = new AggregatorConsumer(kafka, options, new LedgerWriter(ledgerDirectory.Path), NullLoggerFactory.Instance, Clock(), "test-aggregator");

        await consumer.RunAsync(() => consumer.Messages.Consumed == 4, timeout.Token);

        Assert.AreEqual(4, consumer.Messages.Consumed, "the consumer did not get through the four messages in time");
        Assert.AreEqual(1, consumer.Messages.BadMessages["not-arrow"]);
        Assert.AreEqual(1, consumer.Messages.BadMessages["unsupported-version"]);
        Assert.AreEqual(0, consumer.Messages.LostMessages, "a bad message was received: it is bad, not also lost");
        Assert.AreEqual(5, consumer.Counters.Aggregated, "both valid batches, including the one after the bad messages");
        Assert.AreEqual(3 + 2, consumer.Counters.Invalid, "by their rows headers: the garbage's 3 and the version-2 batch's 2");
        Assert.IsGreaterThanOrEqualTo(1L, consumer.WindowsWritten);
        var written = Assert.ContainsSingle(new LedgerReader(ledgerDirectory.Path).GpuWindows());
        Assert.AreEqual(5, written.Samples);
    }

    [TestMethod]
    public async Task AGroupResumingPastWhatRetentionKeptCountsTheDeletedMessagesAsSkipped()
    {
        using var ledgerDirectory = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        var options = new AggregatorOptions { GroupId = "aggregator-" + Guid.NewGuid().ToString("N") };
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("test-agent")).Build();
        await ProduceAsync(producer, new SampleRows().Add(H100, At(0)).Encode(), MessageFactory.Headers(seq: 1, rows: 1, allocSeq: 0), timeout.Token);
        using (var first = new AggregatorConsumer(kafka, options, new LedgerWriter(ledgerDirectory.Path), NullLoggerFactory.Instance, Clock(), "first"))
        {
            await first.RunAsync(() => first.Messages.Consumed == 1, timeout.Token);
        }

        // While no aggregator runs, more than the mock cluster keeps per partition (about 5 MiB) arrives: the oldest
        // messages, the committed position among them, are deleted before anyone reads them.
        var filler = new byte[64 * 1024];
        new Random(7).NextBytes(filler); // incompressible: the producer compresses (zstd by default)
        for (var seq = 2; seq <= 121; seq++)
        {
            await ProduceAsync(producer, filler, MessageFactory.Headers(seq: seq, rows: 0, allocSeq: 0), timeout.Token);
        }

        // In a window the first run never saw (its own window at 0 s is written and closed for good).
        await ProduceAsync(producer, new SampleRows().Add(H100, At(120)).Encode(), MessageFactory.Headers(seq: 122, rows: 1, allocSeq: 0), timeout.Token);
        using var second = new AggregatorConsumer(kafka, options, new LedgerWriter(ledgerDirectory.Path), NullLoggerFactory.Instance, Clock(), "second");
        await second.RunAsync(() => second.Counters.Aggregated == 1, timeout.Token);

        Assert.AreEqual(1, second.Counters.Aggregated, "the last message was read");
        Assert.IsGreaterThan(0L, second.Messages.SkippedOffsets, "the messages retention deleted between the committed offset and the first one read are counted");
    }

    [TestMethod]
    public async Task AnAggregatorKilledMidWindowAndRestartedWritesTheSameLedgerAsACleanRun()
    {
        using var clean = new TempDirectory();
        using var restarted = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("test-agent")).Build())
        {
            // Twelve batches of five samples 10 s apart: every batch of 50 s straddles a minute boundary now and then.
            var energy = 0L;
            for (var batch = 0; batch < 12; batch++)
            {
                var rows = new SampleRows();
                for (var i = 0; i < 5; i++)
                {
                    var second = (batch * 50) + (i * 10);
                    energy += 4_000_000 + (second * 1_000);
                    rows.Add(H100, At(second), new Reading(Power: 400 + second, EnergyMilliJoules: energy, SmActive: 0.5));
                }

                await ProduceAsync(producer, rows.Encode(), MessageFactory.Headers(seq: batch + 1, rows: 5, allocSeq: 0), timeout.Token);
            }
        }

        // The real clock: the empty throughput partition must go idle (after 1 s) for windows to close while running.
        var cleanOptions = new AggregatorOptions { GroupId = "clean-" + Guid.NewGuid().ToString("N"), IdlePartitionTimeout = TimeSpan.FromSeconds(1) };
        using (var consumer = new AggregatorConsumer(kafka, cleanOptions, new LedgerWriter(clean.Path), NullLoggerFactory.Instance, TimeProvider.System, "clean"))
        {
            await consumer.RunAsync(() => consumer.Messages.Consumed == 12, timeout.Token);
        }

        var options = new AggregatorOptions { GroupId = "restarted-" + Guid.NewGuid().ToString("N"), IdlePartitionTimeout = TimeSpan.FromSeconds(1) };
        using (var killed = new AggregatorConsumer(kafka, options, new LedgerWriter(restarted.Path), NullLoggerFactory.Instance, TimeProvider.System, "killed"))
        {
            // Stopped without finishing, windows still open: only offsets past written windows were stored.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var running = killed.RunAsync(null, stop.Token);
            while (killed.Messages.Consumed < 7 || killed.WindowsWritten < 3)
            {
                await Task.Delay(20, timeout.Token);
            }

            await stop.CancelAsync();
            await running;
        }

        using (var resumed = new AggregatorConsumer(kafka, options, new LedgerWriter(restarted.Path), NullLoggerFactory.Instance, TimeProvider.System, "resumed"))
        {
            // It read on from the committed offset: finished once it has read something and then nothing more for 2 s.
            var last = (Consumed: 0L, At: TimeProvider.System.GetTimestamp());
            await resumed.RunAsync(
                () =>
                {
                    if (resumed.Messages.Consumed != last.Consumed)
                    {
                        last = (resumed.Messages.Consumed, TimeProvider.System.GetTimestamp());
                    }

                    return last.Consumed > 0 && TimeProvider.System.GetElapsedTime(last.At) > TimeSpan.FromSeconds(2);
                },
                timeout.Token);
            Assert.IsGreaterThan(0L, resumed.Counters.Duplicate, "the straddling message's rows of the written window were replays");
        }

        var expected = new LedgerReader(clean.Path).GpuWindows().ToList();
        var actual = new LedgerReader(restarted.Path).GpuWindows().ToList();
        CollectionAssert.AreEqual(expected, actual, "every window, with every row, as a clean run wrote it");

        // Killed after writing but before committing: the whole stream comes again (a new group reads from the start).
        var manifests = Directory.EnumerateFiles(clean.Path, "_manifest*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var replayOptions = new AggregatorOptions { GroupId = "replay-" + Guid.NewGuid().ToString("N"), IdlePartitionTimeout = TimeSpan.FromSeconds(1) };
        using (var replay = new AggregatorConsumer(kafka, replayOptions, new LedgerWriter(clean.Path), NullLoggerFactory.Instance, TimeProvider.System, "replay"))
        {
            await replay.RunAsync(() => replay.Messages.Consumed == 12, timeout.Token);
            Assert.AreEqual(0, replay.Counters.Aggregated, "every row belongs to a window already written");
            Assert.AreEqual(60, replay.Counters.Late + replay.Counters.Duplicate);
        }

        CollectionAssert.AreEqual(manifests, Directory.EnumerateFiles(clean.Path, "_manifest*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(), "no window rewritten: every file's checksum as before");
        CollectionAssert.AreEqual(expected, new LedgerReader(clean.Path).GpuWindows().ToList());
    }

    [TestMethod]
    public async Task WhileTheLedgerCannotBeWrittenOffsetsStayAndConsumptionPausesAndEveryWindowLandsAfterwards()
    {
        using var root = new TempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("test-agent")).Build();
        for (var batch = 0; batch < 6; batch++)
        {
            var rows = new SampleRows();
            for (var i = 0; i < 6; i++)
            {
                rows.Add(H100, At((batch * 60) + (i * 10)), new Reading(Power: 500, SmActive: 0.5));
            }

            await ProduceAsync(producer, rows.Encode(), MessageFactory.Headers(seq: batch + 1, rows: 6, allocSeq: 0), timeout.Token);
        }

        // The ledger's directory is a file: nothing can be written there.
        Directory.CreateDirectory(root.Path);
        var ledger = Path.Combine(root.Path, "ledger");
        await File.WriteAllTextAsync(ledger, "not a directory", timeout.Token);
        var options = new AggregatorOptions { GroupId = "aggregator-" + Guid.NewGuid().ToString("N"), IdlePartitionTimeout = TimeSpan.FromSeconds(1) };
        using var consumer = new AggregatorConsumer(kafka, options, new LedgerWriter(ledger), NullLoggerFactory.Instance, TimeProvider.System, "blocked");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var running = consumer.RunAsync(() => consumer.PendingWindows == 0 && consumer.WindowsWritten >= 5 && consumer.Messages.Consumed == 8, stop.Token);
        while (consumer.PendingWindows == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        var heldWhileBlocked = consumer.PendingWindows;
        var consumedWhileBlocked = consumer.Messages.Consumed;
        await ProduceAsync(producer, new SampleRows().Add(H100, At(400)).Encode(), MessageFactory.Headers(seq: 7, rows: 1, allocSeq: 0), timeout.Token);
        await ProduceAsync(producer, new SampleRows().Add(H100, At(500)).Encode(), MessageFactory.Headers(seq: 8, rows: 1, allocSeq: 0), timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        Assert.AreEqual(consumedWhileBlocked, consumer.Messages.Consumed, "consumption paused while windows were held");
        Assert.AreEqual(0, consumer.WindowsWritten);

        File.Delete(ledger);
        await running;

        Assert.IsGreaterThan(0, heldWhileBlocked);
        Assert.AreEqual(0, consumer.PendingWindows);
        var written = new LedgerReader(ledger).GpuWindows().ToList();
        Assert.AreEqual(6 * 6 + 2, written.Sum(g => g.Samples), "every sample in a written window once");
    }

    private static async Task ProduceAsync(IProducer<string, byte[]> producer, byte[] value, Headers headers, CancellationToken cancellationToken) =>
        await producer.ProduceAsync(Topics.Samples, new Message<string, byte[]> { Key = H100.Node, Value = value, Headers = headers }, cancellationToken);
}
