using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Simulation;
using Telemetry.Agent.Spooling;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Tests.Producing;

[TestClass]
public sealed class TelemetryAgentTests
{
    [TestMethod]
    public void RowsThatCannotBeDeliveredAreCountedAsFailed()
    {
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, partitions: 1);
        }

        broker.SetBrokerDown();
        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
        kafka.Properties["message.timeout.ms"] = "1500";
        // The broker is down on purpose: keep librdkafka's connection errors out of the test output.
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("agent-tests")).SetLogHandler(static (_, _) => { }).Build();
        var agent = new TelemetryAgent("gpu-node-000", "gpu-node-000", producer, NullLogger<TelemetryAgent>.Instance);
        var batch = OneSecondOfSamples(gpus: 4);

        agent.PublishSamples(batch);
        var undelivered = producer.Flush(TimeSpan.FromSeconds(20));

        Assert.AreEqual(0, undelivered, "every message got its delivery report");
        Assert.AreEqual(4, agent.RowsSent);
        Assert.AreEqual(4, agent.Counters.RowsFailed);
        Assert.IsGreaterThanOrEqualTo(1, agent.Counters.DeliveryErrors);
        Assert.AreEqual(0, agent.Counters.RowsDelivered);
        Assert.AreEqual(0, agent.Counters.MessagesDelivered);
        Assert.AreEqual(new DeliveryCount(1, 4), agent.Balance().Failed, "without a spool, a failed message is lost");
        Assert.IsTrue(agent.Balance().Reconciles);
    }

    private static SampleBatchBuilder OneSecondOfSamples(int gpus)
    {
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = gpus, Duration = TimeSpan.FromSeconds(10) });
        simulation.Tick();
        var batch = new SampleBatchBuilder();
        simulation.AppendSamples(0, batch);
        return batch;
    }
}
