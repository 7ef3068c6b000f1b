using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Simulation;
using Telemetry.Agent.Spooling;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Reporting;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class KafkaOutageTests
{
    [TestMethod]
    public async Task SamplesSpooledDuringABrokerOutageReachTheAggregatorExactlyOnceAndItsEnergyMatchesTheTruth()
    {
        var work = Directory.CreateTempSubdirectory("outage-");
        try
        {
            using var broker = EmbeddedBroker.Start();
            foreach (var topic in Topics.All)
            {
                broker.CreateTopic(topic, 2);
            }

            var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
            kafka.Properties["message.timeout.ms"] = "1500";
            kafka.Properties["reconnect.backoff.max.ms"] = "200";
            var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = 4, Duration = TimeSpan.FromMinutes(2) });
            var spool = new SpoolOptions { Directory = Path.Combine(work.FullName, "spool"), RetryInterval = TimeSpan.FromMilliseconds(200), SpoolAfter = TimeSpan.FromSeconds(1) };
            DeliveryBalance balance;
            using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("outage")).SetLogHandler(static (_, _) => { }).Build())
            using (var agent = new TelemetryAgent("gpu-node-000", "gpu-node-000", producer, NullLogger.Instance, spool))
            {
                await ProduceWithAnOutageAsync(simulation, agent, broker);
                Assert.IsGreaterThan(0L, agent.Counters.DeliveryErrors, "the outage made deliveries fail");
                await WaitAsync(() => agent.Balance() is { InFlight.Messages: 0, Spooled.Messages: 0 }, "the spool drains after the broker is back");
                balance = agent.Balance();
            }

            var ledger = Path.Combine(work.FullName, "ledger");
            using var consumer = new AggregatorConsumer(kafka, new AggregatorOptions { GroupId = "outage-" + Guid.NewGuid().ToString("N") }, new LedgerWriter(ledger), NullLoggerFactory.Instance, TimeProvider.System);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await consumer.RunAsync(() => consumer.Messages.Consumed >= balance.Acknowledged.Messages, timeout.Token);

            Assert.IsTrue(balance.Reconciles, balance.ToString());
            Assert.AreEqual(simulation.SamplesProduced, balance.Acknowledged.Rows, "every sample was acknowledged in the end");
            Assert.AreEqual(simulation.SamplesProduced, consumer.Counters.Aggregated, "each sample aggregated once");
            Assert.AreEqual(0, consumer.Counters.Duplicate + consumer.Messages.DuplicateMessages + consumer.Messages.LostMessages);
            var reader = new LedgerReader(ledger);
            var report = ReportBuilder.Build(reader.GpuWindows(), reader.JobWindows(), samples: null);
            foreach (var (id, truth) in simulation.Truth)
            {
                Assert.AreEqual(truth.EnergyJoules, report.Jobs.Single(j => j.JobId == id).EnergyJoules, truth.EnergyJoules * 1e-9, id);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task ProduceWithAnOutageAsync(FleetSimulation simulation, TelemetryAgent agent, EmbeddedBroker broker)
    {
        var batch = new SampleBatchBuilder();
        var allocations = new List<AllocationEvent>();
        var throughput = new List<ThroughputEvent>();
        for (var tick = 1; !simulation.Finished; tick++)
        {
            simulation.Tick();
            simulation.DrainEvents(0, allocations, throughput);
            if (allocations.Count > 0)
            {
                agent.PublishSamples(batch);
                allocations.ForEach(agent.PublishAllocation);
                allocations.Clear();
            }

            simulation.AppendSamples(0, batch);
            if (tick % 5 == 0 || simulation.Finished)
            {
                agent.PublishSamples(batch);
            }

            if (tick == 30)
            {
                broker.SetBrokerDown();
            }

            if (tick is > 30 and < 80)
            {
                // An outage of a few seconds of real time, long enough for deliveries to fail into the spool.
                await Task.Delay(60);
            }

            if (tick == 80)
            {
                broker.SetBrokerUp();
            }
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.IsLessThan(until, DateTime.UtcNow, "timed out waiting: " + what);
            await Task.Delay(100);
        }
    }
}
