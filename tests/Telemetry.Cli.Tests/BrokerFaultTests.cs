using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Cli.Demo;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Tests;

/// <summary>
/// The pipeline through a broker that answers slowly and refuses requests now and then (the mock cluster's fault
/// injection): every sample arrives once, none lost, none doubled.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class BrokerFaultTests
{
    [TestMethod]
    public async Task RequestErrorsAndLatencyLoseAndDoubleNothing()
    {
        var ledger = Path.Combine(Path.GetTempPath(), "telemetry-broker-faults-" + Guid.NewGuid().ToString("N"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            using var broker = EmbeddedBroker.Start();
            foreach (var topic in Topics.All)
            {
                broker.CreateTopic(topic, 4);
            }

            broker.SetRoundTripTime(TimeSpan.FromMilliseconds(50));
            // Produce requests refused with retriable errors (NOT_LEADER_OR_FOLLOWER 6, REQUEST_TIMED_OUT 7,
            // NOT_ENOUGH_REPLICAS 19), fetches with one too: the idempotent producer and the consumer retry.
            broker.PushRequestErrors(0, 6, 7, 19, 7, 6);
            broker.PushRequestErrors(1, 6, 7);
            var result = await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(new DemoOptions
            {
                Nodes = 4,
                GpusPerNode = 4,
                Duration = TimeSpan.FromMinutes(20),
                Speed = 600,
                Seed = 31,
                Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
                LedgerDirectory = ledger,
                Partitions = 4,
                Kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers },
            }, null, timeout.Token);

            var samples = result.Report.Samples!;
            Assert.IsGreaterThan(0L, samples.Produced);
            Assert.AreEqual(samples.Produced, samples.Aggregated, $"late {samples.Late}, duplicate {samples.Duplicate}, lost {samples.Lost}");
            Assert.IsTrue(result.Agents.All(a => a.Lost == 0 && a.Received.Duplicate == 0), "every agent's samples arrived once");
        }
        finally
        {
            if (Directory.Exists(ledger))
            {
                Directory.Delete(ledger, recursive: true);
            }
        }
    }
}
