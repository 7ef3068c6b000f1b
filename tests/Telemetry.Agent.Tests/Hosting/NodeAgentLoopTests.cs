using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Hosting;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Simulation;
using Telemetry.Agent.Tests.Simulation;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Tests.Hosting;

[TestClass]
public sealed class NodeAgentLoopTests
{
    [TestMethod]
    public async Task EveryReadingOfARunningLoopReachesKafkaWithItsNodesAllocationsFirst()
    {
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = 2, Duration = TimeSpan.FromMinutes(5) });
        var inbox = new ThroughputInbox();
        var collector = new SimulatedNodeCollector(simulation, 0, inbox);
        using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("loop-test")).Build())
        {
            var agent = new TelemetryAgent("gpu-node-000", "gpu-node-000", producer, NullLogger.Instance);
            var options = new NodeAgentOptions { Node = "gpu-node-000", Interval = TimeSpan.FromMilliseconds(100), BatchInterval = TimeSpan.FromMilliseconds(300) };
            var loop = new NodeAgentLoop(options, [collector], [collector], inbox, agent, TimeProvider.System, NullLogger.Instance);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

            await loop.RunAsync(stop.Token);

            producer.Flush(TimeSpan.FromSeconds(10));
            Assert.AreEqual(0, agent.Counters.DeliveryErrors);
            Assert.AreEqual(collector.Counters.Readings, agent.RowsSent, "every reading went into a message");
        }

        var messages = TopicReader.ReadAll(kafka, 1, long.MaxValue, TimeSpan.FromSeconds(5));
        var samples = messages.Where(m => m.Topic == Topics.Samples).ToList();
        var rows = samples.Sum(m => TopicReader.Header(m, MessageHeaders.Rows));
        Assert.AreEqual(collector.Counters.Readings, rows);
        Assert.IsGreaterThan(1, samples.Count, "a batch per batch interval");
        var start = messages.Single(m => m.Topic == Topics.Allocations);
        Assert.AreEqual(AllocationEventType.Start, EventCodec.DecodeAllocation(start.Message.Value).Type);
        Assert.IsTrue(samples.Skip(1).All(m => TopicReader.Header(m, MessageHeaders.AllocationSequence) == 1), "batches after the job started carry its allocation's sequence");
    }

    [TestMethod]
    public async Task ACollectorWhoseSourceIsMissingIsLeftOutAndTheOthersRun()
    {
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = 2 });
        var inbox = new ThroughputInbox();
        var loop = Loop([new MissingSource(), new SimulatedNodeCollector(simulation, 0, inbox)], inbox);

        await loop.StartAsync(CancellationToken.None);

        Assert.AreEqual("simulated", Assert.ContainsSingle(loop.Running).Name);
    }

    [TestMethod]
    public async Task WithOnlyACollectorWhoseSourceIsMissingTheAgentRefusesToStartSayingWhy()
    {
        var loop = Loop([new MissingSource()], new ThroughputInbox());

        var e = await Assert.ThrowsExactlyAsync<CollectorUnavailableException>(() => loop.StartAsync(CancellationToken.None));

        Assert.Contains("libnvidia-ml.so.1 is not installed", e.Message);
    }

    [TestMethod]
    public async Task AFailingCollectionIsCountedAndTheOtherCollectorsReadingsStillCount()
    {
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = 2 });
        var inbox = new ThroughputInbox();
        var loop = Loop([new FailingSource(), new SimulatedNodeCollector(simulation, 0, inbox)], inbox);
        await loop.StartAsync(CancellationToken.None);

        await loop.TickAsync(CancellationToken.None);

        Assert.HasCount(2, loop.KnownGpus);
    }

    private static NodeAgentLoop Loop(IReadOnlyList<ISampleCollector> collectors, ThroughputInbox inbox)
    {
        var producer = new ProducerBuilder<string, byte[]>(new KafkaOptions { BootstrapServers = "127.0.0.1:1" }.ProducerConfig("unused")).Build();
        var agent = new TelemetryAgent("n", "n", producer, NullLogger.Instance);
        return new NodeAgentLoop(new NodeAgentOptions { Node = "n" }, collectors, [], inbox, agent, TimeProvider.System, NullLogger.Instance);
    }

    /// <summary>A collector whose hardware is absent, as on a machine without the NVIDIA driver.</summary>
    private sealed class MissingSource : ISampleCollector
    {
        public string Name => "missing";
        public CollectorCounters Counters { get; } = new();
        public ValueTask StartAsync(CancellationToken cancellationToken) => throw new CollectorUnavailableException("libnvidia-ml.so.1 is not installed");
        public ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("never started");
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A collector whose every collection fails, as a hung exporter would.</summary>
    private sealed class FailingSource : ISampleCollector
    {
        public string Name => "failing";
        public CollectorCounters Counters { get; } = new();
        public ValueTask StartAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken) => throw new HttpRequestException("connection refused");
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
