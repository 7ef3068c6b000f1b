using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>A slow InfluxDB holds a window's write; the consumer goes on reading meanwhile, and every window lands.</summary>
[TestClass]
[DoNotParallelize]
public sealed class SlowSinkConsumerTests : RealInfluxTest
{
    [TestMethod]
    public async Task WhileAWindowIsHeldByASlowServerTheConsumerGoesOnReadingAndEveryWindowLandsOnce()
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
        var seq = 0;
        async Task ProduceMinuteAsync(int minute)
        {
            var rows = new SampleRows();
            for (var i = 0; i < 6; i++)
            {
                rows.Add(H100, At((minute * 60) + (i * 10)), new Reading(Power: 500, SmActive: 0.5));
            }

            seq++;
            await producer.ProduceAsync(Topics.Samples, new Message<string, byte[]> { Key = H100.Node, Value = rows.Encode(), Headers = MessageFactory.Headers(seq: seq, rows: 6, allocSeq: 0) }, timeout.Token);
        }

        // The first window's write is held for 4 s (under the client's 5 s timeout), as a slow server would.
        Server.DelayNextWrites(1, TimeSpan.FromSeconds(4));
        await ProduceMinuteAsync(0);
        await ProduceMinuteAsync(1);
        await ProduceMinuteAsync(2);
        var ledger = Path.Combine(root.Path, "ledger");
        using var sink = new InfluxWindowSink(InfluxSinkTests.Options(), CostModel.Default(), ledger, NullLogger.Instance, TimeProvider.System);
        var options = new AggregatorOptions
        {
            GroupId = "aggregator-" + Guid.NewGuid().ToString("N"),
            IdlePartitionTimeout = TimeSpan.FromSeconds(1),
            AllowedLateness = TimeSpan.Zero,
        };
        using var consumer = new AggregatorConsumer(kafka, options, new LedgerWriter(ledger), NullLoggerFactory.Instance, TimeProvider.System, "slow-sink", sink);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var running = consumer.RunAsync(() => consumer.Messages.Consumed == 6 && consumer.PendingWindows == 0 && sink.Counters.PointsWritten > 0, stop.Token);

        // Once a window waits for the server, messages sent meanwhile are still read.
        while (consumer.PendingWindows == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        var heldAt = consumer.Messages.Consumed;
        await ProduceMinuteAsync(3);
        await ProduceMinuteAsync(4);
        await ProduceMinuteAsync(5);
        while (consumer.Messages.Consumed < heldAt + 3 && Server.Writes.Count == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        var consumedWhileHeld = consumer.Messages.Consumed - heldAt;
        var writesWhileHeld = Server.Writes.Count;
        await running;

        Assert.AreEqual(0, writesWhileHeld, "the held write had not completed yet");
        Assert.AreEqual(3, consumedWhileHeld, "all three messages sent while the write was held were read meanwhile");
        var written = new LedgerReader(ledger).GpuWindows().ToList();
        Assert.AreEqual(6 * 6, written.Sum(g => g.Samples), "every sample in a written window once");
        Assert.AreEqual(6, written.Count);
        Assert.AreEqual(0, consumer.PendingWindows);
    }
}
