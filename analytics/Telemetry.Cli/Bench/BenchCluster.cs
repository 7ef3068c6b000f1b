using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Producing;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The embedded broker with the contract's topics, one agent per node of a benchmark fleet sending through one shared
/// Confluent.Kafka producer (the demo's arrangement), and aggregators that write their ledger to a temporary directory.
/// </summary>
internal sealed class BenchCluster : IDisposable
{
    private const int StatisticsIntervalMs = 200;
    private readonly EmbeddedBroker _broker;
    private readonly IProducer<string, byte[]> _producer;
    private readonly TelemetryAgent[] _agents;
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), "telemetry-bench-" + Guid.NewGuid().ToString("N"));
    private long _wireBytes;
    private int _statistics;

    /// <summary>Starts the broker and the agents' producer, with <see cref="KafkaOptions"/>' codec and linger unless given.</summary>
    public BenchCluster(int partitions, int nodes, string? compression = null, int? lingerMs = null)
    {
        _broker = EmbeddedBroker.Start();
        _broker.SetGroupInitialRebalanceDelay(TimeSpan.Zero);
        foreach (var topic in Topics.All)
        {
            _broker.CreateTopic(topic, partitions);
        }

        var defaults = new KafkaOptions();
        Kafka = new KafkaOptions { BootstrapServers = _broker.BootstrapServers, Compression = compression ?? defaults.Compression, LingerMs = lingerMs ?? defaults.LingerMs };
        var config = Kafka.ProducerConfig("bench-agents");
        config.StatisticsIntervalMs = StatisticsIntervalMs;
        _producer = new ProducerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).SetStatisticsHandler((_, json) => OnStatistics(json)).Build();
        _agents = new TelemetryAgent[nodes];
        for (var n = 0; n < nodes; n++)
        {
            _agents[n] = new TelemetryAgent(BenchFleet.NodeName(n), BenchFleet.NodeName(n), _producer, NullLogger.Instance);
        }
    }

    public KafkaOptions Kafka { get; }

    public long RowsSent => _agents.Sum(a => a.RowsSent);

    public long MessagesDelivered => _agents.Sum(a => a.Counters.MessagesDelivered);

    public void Publish(int node, byte[] payload, int rows) => _agents[node].PublishEncodedSamples(payload, rows);

    public void Flush() => _producer.Flush(TimeSpan.FromMinutes(2));

    /// <summary>
    /// Bytes the agents' producer has sent to the broker, compressed record batches and the requests' framing included,
    /// as librdkafka's statistics count them; waits for two reports after the call, so that they cover all flushed.
    /// </summary>
    public long WireBytes()
    {
        var seen = Volatile.Read(ref _statistics);
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _statistics) < seen + 2 && clock.ElapsedMilliseconds < 10 * StatisticsIntervalMs)
        {
            Thread.Sleep(10);
        }

        return Interlocked.Read(ref _wireBytes);
    }

    /// <summary>An aggregator in a group of its own, reading from the start of every partition.</summary>
    public AggregatorConsumer Aggregator() => Aggregators(1)[0];

    /// <summary>
    /// Aggregator instances of one consumer group of their own, reading from the start of every partition and writing
    /// one ledger directory, each under its own instance name when there are several.
    /// </summary>
    public List<AggregatorConsumer> Aggregators(int instances)
    {
        var options = new AggregatorOptions { LedgerDirectory = _ledger, GroupId = "bench-" + Guid.NewGuid().ToString("N") };
        return [.. Enumerable.Range(0, instances).Select(i => instances == 1
            ? new AggregatorConsumer(Kafka, options, new LedgerWriter(_ledger), NullLoggerFactory.Instance, TimeProvider.System, "bench-aggregator")
            : new AggregatorConsumer(Kafka, options, new LedgerWriter(_ledger, $"bench-{i}"), NullLoggerFactory.Instance, TimeProvider.System, $"bench-aggregator-{i}"))];
    }

    /// <summary>
    /// Waits until the group has settled: every instance assigned, and every partition of every topic assigned to one
    /// of them (an instance that joins later takes its share in a rebalance).
    /// </summary>
    public static async Task GroupFormedAsync(IReadOnlyList<AggregatorConsumer> consumers, CancellationToken cancellationToken)
    {
        await Task.WhenAll(consumers.Select(c => c.Assigned)).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (consumers.Count > 1 && !consumers.All(c => c.AssignedPartitions > 0) && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnStatistics(string json)
    {
        using var statistics = JsonDocument.Parse(json);
        Interlocked.Exchange(ref _wireBytes, statistics.RootElement.GetProperty("tx_bytes").GetInt64());
        Interlocked.Increment(ref _statistics);
    }

    public void Dispose()
    {
        _producer.Dispose();
        _broker.Dispose();
        if (Directory.Exists(_ledger))
        {
            Directory.Delete(_ledger, recursive: true);
        }
    }
}
