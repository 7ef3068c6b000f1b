using Confluent.Kafka;
using Microsoft.Extensions.Logging;
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
    public Task ThreeInstancesInOneGroupGiveTheResultsOfOne() => ScaleOutAsync(slowFirstWindows: 0);

    /// <summary>
    /// The first instance spends 2 s on each of its first four windows once they are written (a slow alert webhook, say)
    /// while the others join: the group rebalances while it is busy mid-stream, and still nothing is written twice or lost.
    /// </summary>
    [TestMethod]
    public Task ARebalanceWhileAnInstanceIsSlowLosesAndDoublesNothing() => ScaleOutAsync(slowFirstWindows: 4);

    private static async Task ScaleOutAsync(int slowFirstWindows)
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
            var produced = 0L;
            using (var probe = new ConsumerBuilder<string, byte[]>(kafka.ConsumerConfig("probe", "probe")).Build())
            {
                foreach (var topic in Topics.All)
                {
                    for (var partition = 0; partition < 8; partition++)
                    {
                        produced += probe.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).High.Value;
                    }
                }
            }

            var errors = new ErrorLog();
            var alone = await RunGroupAsync(kafka, one, [null], 0, produced, errors, timeout.Token);
            var group = await RunGroupAsync(kafka, three, ["agg-0", "agg-1", "agg-2"], slowFirstWindows, produced, errors, timeout.Token);
            Assert.AreEqual(alone, group, "every sample aggregated once across the group, net of what instances handed over with their partitions");
            Assert.IsFalse(errors.Lines.Any(e => e.Contains("state", StringComparison.OrdinalIgnoreCase) && e.Contains("erroneous", StringComparison.OrdinalIgnoreCase)), string.Join("\n", errors.Lines));

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
    /// Runs one consumer group of these instances, each joining 1.5 s after the one before, all consuming until the group
    /// is stable (every instance joined, every partition of the three topics owned, every message read, nothing read by
    /// anyone for 4 s, and for longer than a slow instance sleeps); then each closes its windows and commits, and only
    /// then do they leave. Every instance polls until the group is stable, so no rebalance waits on one that has stopped.
    /// </summary>
    /// <returns>The samples the group aggregated, net of those handed over with partitions.</returns>
    private static async Task<long> RunGroupAsync(KafkaOptions kafka, string ledger, string?[] instances, int slowFirstWindows, long produced, ErrorLog errors, CancellationToken cancellationToken)
    {
        var group = "group-" + Guid.NewGuid().ToString("N");
        var consumers = new List<AggregatorConsumer>();
        var runs = new List<Task>();
        var stable = new TaskCompletionSource();
        try
        {
            foreach (var instance in instances)
            {
                var options = new AggregatorOptions { GroupId = group, IdlePartitionTimeout = TimeSpan.FromSeconds(2) };
                var consumer = new AggregatorConsumer(kafka, options, new LedgerWriter(ledger, instance), errors, TimeProvider.System, instance ?? "single");
                if (consumers.Count == 0 && slowFirstWindows > 0)
                {
                    var slow = slowFirstWindows;
                    consumer.WindowWritten = _ => Thread.Sleep(slow-- > 0 ? TimeSpan.FromSeconds(2) : TimeSpan.Zero);
                }

                consumers.Add(consumer);
                runs.Add(consumer.RunAsync(() => stable.Task.IsCompleted, cancellationToken));
                await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            }

            // Quiet for longer than the slow instance can sleep: while it sleeps it has not yet served the revocation a
            // joining instance is waiting for, and the group only looks settled.
            var quietFor = TimeSpan.FromSeconds(4) + (slowFirstWindows * TimeSpan.FromSeconds(2));
            var quiet = (Consumed: -1L, At: TimeProvider.System.GetTimestamp());
            while (!stable.Task.IsCompleted)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                var faulted = runs.FirstOrDefault(r => r.IsCompleted);
                if (faulted is not null)
                {
                    await faulted;
                    Assert.Fail("an instance stopped before the group was stable");
                }

                var consumed = consumers.Sum(c => c.Messages.Consumed);
                if (consumed != quiet.Consumed)
                {
                    quiet = (consumed, TimeProvider.System.GetTimestamp());
                }

                // Every message read at least once (replays read some twice), none behind, nothing waiting for a sink.
                if (consumed >= produced && consumers.All(c => c.Assigned.IsCompleted && c.PendingWindows == 0 && c.Messages.Lag == 0)
                    && consumers.Sum(c => c.AssignedPartitions) == 3 * 8
                    && TimeProvider.System.GetElapsedTime(quiet.At) > quietFor)
                {
                    stable.SetResult();
                }
            }

            await Task.WhenAll(runs);
            return consumers.Sum(c => c.Counters.Aggregated - c.Counters.HandedOver);
        }
        finally
        {
            stable.TrySetResult();
            foreach (var consumer in consumers)
            {
                consumer.Dispose();
            }
        }
    }

    /// <summary>Keeps the warnings and errors the instances log.</summary>
    private sealed class ErrorLog : ILoggerFactory, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
