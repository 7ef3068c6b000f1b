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
    private readonly EmbeddedBroker _broker;
    private readonly IProducer<string, byte[]> _producer;
    private readonly TelemetryAgent[] _agents;
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), "telemetry-bench-" + Guid.NewGuid().ToString("N"));

    public BenchCluster(int partitions, int nodes, string compression = "lz4")
    {
        _broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            _broker.CreateTopic(topic, partitions);
        }

        Kafka = new KafkaOptions { BootstrapServers = _broker.BootstrapServers, Compression = compression };
        _producer = new ProducerBuilder<string, byte[]>(Kafka.ProducerConfig("bench-agents")).SetLogHandler((_, _) => { }).Build();
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

    /// <summary>An aggregator in a group of its own, reading from the start of every partition.</summary>
    public AggregatorConsumer Aggregator()
    {
        var options = new AggregatorOptions { LedgerDirectory = _ledger, GroupId = "bench-" + Guid.NewGuid().ToString("N") };
        return new AggregatorConsumer(Kafka, options, new LedgerWriter(_ledger), NullLoggerFactory.Instance, TimeProvider.System, "bench-aggregator");
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
