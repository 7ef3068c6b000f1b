using Confluent.Kafka;

namespace Telemetry.Kafka;

/// <summary>
/// How to reach Kafka. Production changes only <see cref="BootstrapServers"/> and, through <see cref="Properties"/>,
/// security settings (<c>security.protocol</c>, <c>sasl.mechanism</c>, ...), which pass to librdkafka as they are.
/// </summary>
public sealed class KafkaOptions
{
    private static readonly string[] CompressionCodecs = ["none", "gzip", "snappy", "lz4", "zstd"];

    /// <summary>The <c>bootstrap.servers</c> list. Required; the embedded broker fills it in the demo.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>
    /// Producer compression: zstd (default) or lz4, gzip, snappy, none. In <c>telemetry bench sweep</c> zstd carried a
    /// sample in 0.68 of lz4's bytes from one agent's producer, and held a higher lossless rate (README, Performance).
    /// </summary>
    public string Compression { get; set; } = "zstd";

    /// <summary>
    /// How long the producer waits to fill a batch. Default 0 ms: an agent sends one message a batch period, so waiting
    /// fills nothing; where one producer sends for many nodes (the demo), batches fill while requests are in flight,
    /// and in <c>telemetry bench sweep</c> 0 ms held the highest lossless rate.
    /// </summary>
    public int LingerMs { get; set; }

    /// <summary>Extra librdkafka properties, applied last.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Throws with a message naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new ArgumentException("Kafka:BootstrapServers is empty: give the broker list (host:port,...), or run the embedded broker.", nameof(BootstrapServers));
        }

        if (!CompressionCodecs.Contains(Compression, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Kafka:Compression '{Compression}' is not one of none, gzip, snappy, lz4, zstd.", nameof(Compression));
        }

        if (LingerMs is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(LingerMs), LingerMs, "Kafka:LingerMs must be between 0 and 10000.");
        }
    }

    /// <summary>Settings of an idempotent, compressing, batching producer.</summary>
    public ProducerConfig ProducerConfig(string clientId)
    {
        Validate();
        var config = new ProducerConfig
        {
            BootstrapServers = BootstrapServers,
            ClientId = clientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            CompressionType = Enum.Parse<CompressionType>(Compression, ignoreCase: true),
            LingerMs = LingerMs,
            BatchSize = 1_000_000,
            QueueBufferingMaxKbytes = 256 * 1024,
            MessageTimeoutMs = 300_000,
            // Delivery handlers read the report's error and topic only: without this, each report also carried a copy of
            // the message's key, headers and value (a 19 KB batch) back into managed memory.
            DeliveryReportFields = "status",
        };
        Apply(config);
        return config;
    }

    /// <summary>
    /// Settings of an admin client (topic creation, the broker check at start): the producer's, reaching the same
    /// cluster with the same security settings, less the .NET client's producer-only keys, which an admin client refuses.
    /// </summary>
    public AdminClientConfig AdminConfig(string clientId) => new(ProducerConfig(clientId)
        .Where(p => !p.Key.StartsWith("dotnet.producer.", StringComparison.Ordinal) && !p.Key.StartsWith("dotnet.consumer.", StringComparison.Ordinal))
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>Settings of an at-least-once consumer: offsets are stored by the application, then committed.</summary>
    public ConsumerConfig ConsumerConfig(string groupId, string clientId)
    {
        Validate();
        var config = new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = groupId,
            ClientId = clientId,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Range gives every member the same partition numbers of every topic (the topics have the same partition
            // count and are keyed by node), so an instance that reads a node's samples also reads its allocation
            // events; the cooperative-sticky assignor spread them over different instances, and their samples waited
            // for allocation events that never came.
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
            MaxPartitionFetchBytes = 8 * 1024 * 1024,
            FetchMaxBytes = 64 * 1024 * 1024,
            QueuedMaxMessagesKbytes = 128 * 1024,
            // A consumer behind its fetcher (catching up on a backlog) fills that queue; librdkafka then postpones the
            // next fetch by this much, 1 s by default, while the queue drains in a fraction of it and the consumer idles.
            // At 10 ms a backlog of 160,256 messages was read 1.0 to 1.7 s after the last was sent, not 8 to 9 s.
            FetchQueueBackoffMs = 10,
            // How long the broker holds a fetch for a partition with nothing new, 500 ms by default: an instance that
            // has caught up (a backlog drained, a partition's end reached) learns it that much later, and alerts on a
            // quiet topic wait as long. A backlog of 2,048 messages drained in 0.36, 0.86 or 1.36 s, steps of the
            // default; at 100 ms in 0.33 to 0.74 s. An idle instance sends a few more empty fetches a second.
            FetchWaitMaxMs = 100,
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,
        };
        Apply(config);
        return config;
    }

    private void Apply(ClientConfig config)
    {
        foreach (var (key, value) in Properties)
        {
            config.Set(key, value);
        }
    }
}
