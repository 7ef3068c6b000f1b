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
        new Random(7).NextBytes(filler); // incompressible: the producer compresses with lz4
        for (var seq = 2; seq <= 121; seq++)
        {
            await ProduceAsync(producer, filler, MessageFactory.Headers(seq: seq, rows: 0, allocSeq: 0), timeout.Token);
        }

        await ProduceAsync(producer, new SampleRows().Add(H100, At(10)).Encode(), MessageFactory.Headers(seq: 122, rows: 1, allocSeq: 0), timeout.Token);
        using var second = new AggregatorConsumer(kafka, options, new LedgerWriter(ledgerDirectory.Path), NullLoggerFactory.Instance, Clock(), "second");
        await second.RunAsync(() => second.Counters.Aggregated == 1, timeout.Token);

        Assert.AreEqual(1, second.Counters.Aggregated, "the last message was read");
        Assert.IsGreaterThan(0L, second.Messages.SkippedOffsets, "the messages retention deleted between the committed offset and the first one read are counted");
    }

    private static async Task ProduceAsync(IProducer<string, byte[]> producer, byte[] value, Headers headers, CancellationToken cancellationToken) =>
        await producer.ProduceAsync(Topics.Samples, new Message<string, byte[]> { Key = H100.Node, Value = value, Headers = headers }, cancellationToken);
}
