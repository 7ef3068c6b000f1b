using System.Runtime.InteropServices;

namespace Telemetry.Kafka.Native;

/// <summary>The few librdkafka entry points the mock cluster needs, bound to the library <see cref="RdKafkaLibrary"/> loaded.</summary>
internal static partial class RdKafkaNative
{
    internal const int ProducerType = 0;

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial IntPtr rd_kafka_conf_new();

    [LibraryImport(RdKafkaLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_conf_set(IntPtr conf, string name, string value, IntPtr errstr, nuint errstrSize);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial IntPtr rd_kafka_new(int type, IntPtr conf, IntPtr errstr, nuint errstrSize);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial void rd_kafka_destroy(IntPtr rk);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial void rd_kafka_mock_cluster_destroy(IntPtr cluster);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

    [LibraryImport(RdKafkaLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_mock_topic_create(IntPtr cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial int rd_kafka_mock_broker_set_rtt(IntPtr cluster, int brokerId, int rttMs);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr cluster, int delayMs);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial void rd_kafka_mock_push_request_errors_array(IntPtr cluster, short apiKey, nuint count, int[] errors);

    [LibraryImport(RdKafkaLibrary.Name)]
    internal static partial IntPtr rd_kafka_err2str(int err);
}
