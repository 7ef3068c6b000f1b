using System.Runtime.InteropServices;
using Telemetry.Kafka.Native;

namespace Telemetry.Kafka;

/// <summary>
/// A Kafka cluster for development and tests: librdkafka's mock cluster, which speaks the real Kafka protocol on
/// loopback TCP and can inject faults. It keeps only a few MiB per partition, so a consumer that falls far behind
/// sees its offsets reset; the pipeline counts that as loss.
/// </summary>
public sealed class EmbeddedBroker : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _owner;
    private IntPtr _cluster;

    private EmbeddedBroker(IntPtr owner, IntPtr cluster, string bootstrapServers)
    {
        _owner = owner;
        _cluster = cluster;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>The cluster's <c>bootstrap.servers</c> list.</summary>
    public string BootstrapServers { get; }

    /// <summary>Starts a mock cluster with this many brokers.</summary>
    /// <exception cref="InvalidOperationException">librdkafka could not create the cluster.</exception>
    public static EmbeddedBroker Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        RdKafkaLibrary.EnsureLoaded();
        var errors = Marshal.AllocHGlobal(512);
        try
        {
            var conf = RdKafkaNative.rd_kafka_conf_new();
            // The handle only owns the cluster and never connects; keep librdkafka from noting its missing bootstrap.servers.
            RdKafkaNative.rd_kafka_conf_set(conf, "log_level", "3", errors, 512);
            var owner = RdKafkaNative.rd_kafka_new(RdKafkaNative.ProducerType, conf, errors, 512);
            if (owner == IntPtr.Zero)
            {
                throw new InvalidOperationException("librdkafka could not create the mock cluster's client handle: " + Marshal.PtrToStringUTF8(errors));
            }

            var cluster = RdKafkaNative.rd_kafka_mock_cluster_new(owner, brokers);
            if (cluster == IntPtr.Zero)
            {
                RdKafkaNative.rd_kafka_destroy(owner);
                throw new InvalidOperationException("librdkafka could not create the mock cluster.");
            }

            var bootstraps = Marshal.PtrToStringUTF8(RdKafkaNative.rd_kafka_mock_cluster_bootstraps(cluster))!;
            return new EmbeddedBroker(owner, cluster, bootstraps);
        }
        finally
        {
            Marshal.FreeHGlobal(errors);
        }
    }

    /// <summary>Creates a topic with this many partitions.</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            Check(RdKafkaNative.rd_kafka_mock_topic_create(Cluster(), topic, partitions, replicationFactor), $"create topic '{topic}'");
        }
    }

    /// <summary>Disconnects a broker (-1: all) and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId = -1)
    {
        lock (_gate)
        {
            Check(RdKafkaNative.rd_kafka_mock_broker_set_down(Cluster(), brokerId), "set broker down");
        }
    }

    /// <summary>Lets a broker (-1: all) accept connections again.</summary>
    public void SetBrokerUp(int brokerId = -1)
    {
        lock (_gate)
        {
            Check(RdKafkaNative.rd_kafka_mock_broker_set_up(Cluster(), brokerId), "set broker up");
        }
    }

    /// <summary>Adds round-trip latency to a broker (-1: all).</summary>
    public void SetRoundTripTime(TimeSpan rtt, int brokerId = -1)
    {
        lock (_gate)
        {
            Check(RdKafkaNative.rd_kafka_mock_broker_set_rtt(Cluster(), brokerId, (int)rtt.TotalMilliseconds), "set broker round-trip time");
        }
    }

    /// <summary>
    /// How long a new consumer group waits for more members before its first assignment (Kafka's
    /// <c>group.initial.rebalance.delay.ms</c>; the mock's default is 3 s). Benchmarks that start many short-lived groups
    /// set it to zero.
    /// </summary>
    public void SetGroupInitialRebalanceDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            RdKafkaNative.rd_kafka_mock_group_initial_rebalance_delay_ms(Cluster(), (int)delay.TotalMilliseconds);
        }
    }

    /// <summary>Makes the next requests of one Kafka API (0: Produce, 1: Fetch, 8: OffsetCommit, ...) fail with these error codes, in order.</summary>
    public void PushRequestErrors(short apiKey, params int[] errorCodes)
    {
        ArgumentNullException.ThrowIfNull(errorCodes);
        lock (_gate)
        {
            RdKafkaNative.rd_kafka_mock_push_request_errors_array(Cluster(), apiKey, (nuint)errorCodes.Length, errorCodes);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                RdKafkaNative.rd_kafka_mock_cluster_destroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_owner != IntPtr.Zero)
            {
                RdKafkaNative.rd_kafka_destroy(_owner);
                _owner = IntPtr.Zero;
            }
        }
    }

    // Callers hold _gate, so the cluster cannot be destroyed while a command uses it.
    private IntPtr Cluster()
    {
        ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
        return _cluster;
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"Mock cluster could not {what}: {Marshal.PtrToStringUTF8(RdKafkaNative.rd_kafka_err2str(error))} ({error}).");
        }
    }
}
