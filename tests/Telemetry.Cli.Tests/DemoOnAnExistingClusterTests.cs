using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Cli.Demo;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class DemoOnAnExistingClusterTests
{
    [TestMethod]
    public async Task SecondRunOnASharedClusterReadsOnlyItsOwnData()
    {
        using var cluster = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            cluster.CreateTopic(topic, 3);
        }

        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        var start = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var first = await RunAsync(kafka, start, seed: 1, timeout.Token);

        var second = await RunAsync(kafka, start, seed: 2, timeout.Token);

        foreach (var result in new[] { first, second })
        {
            Assert.AreEqual(2 * 4, result.Report.Gpus, "only this run's GPUs");
            Assert.AreEqual(result.FleetEnergyTruthKwh, result.Report.FleetEnergyKwh, result.FleetEnergyTruthKwh * 0.005);
            Assert.AreEqual(0L, result.Report.Samples!.Lost);
        }
    }

    private static async Task<DemoResult> RunAsync(KafkaOptions kafka, DateTimeOffset start, ulong seed, CancellationToken cancellationToken)
    {
        var ledger = Path.Combine(Path.GetTempPath(), "telemetry-shared-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new DemoOptions
            {
                Nodes = 2,
                GpusPerNode = 4,
                Duration = TimeSpan.FromMinutes(10),
                // Paced, so that the agents cannot outrun the consumer by more than the mock cluster keeps.
                Speed = 600,
                Seed = seed,
                Start = start,
                LedgerDirectory = ledger,
                Kafka = kafka,
            };
            return await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(options, null, cancellationToken);
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
