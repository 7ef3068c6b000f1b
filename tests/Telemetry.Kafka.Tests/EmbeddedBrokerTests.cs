using System.Text;
using Confluent.Kafka;

namespace Telemetry.Kafka.Tests;

[TestClass]
public sealed class EmbeddedBrokerTests
{
    [TestMethod]
    public void BootstrapServersIsAHostAndPort()
    {
        using var broker = EmbeddedBroker.Start();

        var servers = broker.BootstrapServers.Split(',');

        Assert.HasCount(1, servers);
        var colon = servers[0].LastIndexOf(':');
        Assert.IsGreaterThan(0, colon, servers[0]);
        Assert.IsTrue(int.TryParse(servers[0][(colon + 1)..], out var port) && port > 0, servers[0]);
    }

    [TestMethod]
    public void StartingSeveralBrokersListsThemAll()
    {
        using var broker = EmbeddedBroker.Start(brokers: 3);

        Assert.HasCount(3, broker.BootstrapServers.Split(','));
    }

    [TestMethod]
    public void ACreatedTopicHasItsPartitionsInTheMetadata()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic("gpu.samples.v1", partitions: 6);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        var metadata = admin.GetMetadata("gpu.samples.v1", KafkaClients.Patience);

        var topic = metadata.Topics.Single();
        Assert.AreEqual(ErrorCode.NoError, topic.Error.Code);
        Assert.HasCount(6, topic.Partitions);
    }

    [TestMethod]
    public async Task AProducedMessageIsConsumedWithKeyValueAndHeaders()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic("gpu.allocations.v1", partitions: 2);
        var options = KafkaClients.Options(broker);
        using var producer = KafkaClients.Producer(options);
        using var consumer = new ConsumerBuilder<string, byte[]>(options.ConsumerConfig("aggregators", "test-consumer")).Build();
        var message = new Message<string, byte[]>
        {
            Key = "node-a",
            Value = Encoding.UTF8.GetBytes("{\"job_id\":\"slurm-1\"}"),
            Headers = new Headers { { "seq", "42"u8.ToArray() }, { "agent-id", "agent-7"u8.ToArray() } },
        };

        var delivery = await producer.ProduceAsync("gpu.allocations.v1", message);
        consumer.Subscribe("gpu.allocations.v1");
        var received = KafkaClients.ConsumeOne(consumer);
        consumer.Close();

        Assert.AreEqual(PersistenceStatus.Persisted, delivery.Status);
        Assert.IsNotNull(received, "No message arrived.");
        Assert.AreEqual("node-a", received.Message.Key);
        CollectionAssert.AreEqual(message.Value, received.Message.Value);
        CollectionAssert.AreEqual("42"u8.ToArray(), received.Message.Headers.GetLastBytes("seq"));
        CollectionAssert.AreEqual("agent-7"u8.ToArray(), received.Message.Headers.GetLastBytes("agent-id"));
        Assert.AreEqual(delivery.TopicPartitionOffset, received.TopicPartitionOffset);
    }

    [TestMethod]
    public void DisposingTwiceIsSafe()
    {
        var broker = EmbeddedBroker.Start();

        broker.Dispose();
        broker.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.CreateTopic("late", 1));
    }

    [TestMethod]
    public void ADisposedBrokerRefusesEveryCommand()
    {
        var broker = EmbeddedBroker.Start();
        broker.Dispose();

        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.SetBrokerDown());
        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.SetBrokerUp());
        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.SetRoundTripTime(TimeSpan.FromMilliseconds(5)));
        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.PushRequestErrors(0, 6));
        Assert.ThrowsExactly<ObjectDisposedException>(() => broker.SetGroupInitialRebalanceDelay(TimeSpan.Zero));
    }

    [TestMethod]
    public void AConsumerGroupFormsWithNoInitialRebalanceDelay()
    {
        using var broker = EmbeddedBroker.Start();
        broker.SetGroupInitialRebalanceDelay(TimeSpan.Zero);
        broker.CreateTopic("gpu.samples.v1", partitions: 3);
        using var consumer = new ConsumerBuilder<string, byte[]>(KafkaClients.Options(broker).ConsumerConfig("aggregators", "test-consumer")).Build();

        consumer.Subscribe("gpu.samples.v1");
        var deadline = DateTime.UtcNow + KafkaClients.Patience;
        while (consumer.Assignment.Count == 0 && DateTime.UtcNow < deadline)
        {
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }

        var assigned = consumer.Assignment.Count;
        consumer.Close();

        Assert.AreEqual(3, assigned);
    }

    [TestMethod]
    public void ANegativeInitialRebalanceDelayIsRefused()
    {
        using var broker = EmbeddedBroker.Start();

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => broker.SetGroupInitialRebalanceDelay(TimeSpan.FromSeconds(-1)));
    }

    [TestMethod]
    public void CreatingATopicTwiceFailsWithTheKafkaError()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic("twice", 1);

        var e = Assert.ThrowsExactly<InvalidOperationException>(() => broker.CreateTopic("twice", 1));

        Assert.Contains("twice", e.Message);
    }
}
