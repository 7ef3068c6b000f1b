using Confluent.Kafka;

namespace Telemetry.Kafka.Tests;

/// <summary>Real Confluent.Kafka clients configured the way the pipeline configures them.</summary>
internal static class KafkaClients
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    internal static KafkaOptions Options(EmbeddedBroker broker) => new() { BootstrapServers = broker.BootstrapServers, LingerMs = 0 };

    internal static IProducer<string, byte[]> Producer(KafkaOptions options) =>
        new ProducerBuilder<string, byte[]>(options.ProducerConfig("test-producer")).Build();

    /// <summary>Polls until one message arrives or <see cref="Patience"/> runs out, so a broken broker fails the test rather than hanging it.</summary>
    internal static ConsumeResult<string, byte[]>? ConsumeOne(IConsumer<string, byte[]> consumer)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is { IsPartitionEOF: false })
            {
                return result;
            }
        }

        return null;
    }
}
