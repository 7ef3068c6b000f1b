using Confluent.Kafka;

namespace Telemetry.Kafka.Tests;

[TestClass]
public sealed class EmbeddedBrokerFaultTests
{
    private const string Topic = "gpu.samples.v1";

    [TestMethod]
    public async Task ProducingToADownBrokerFailsAndSucceedsOnceItIsUp()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic(Topic, 1);
        var options = KafkaClients.Options(broker);
        options.Properties["message.timeout.ms"] = "2000";
        options.Properties["reconnect.backoff.max.ms"] = "200";
        using var producer = KafkaClients.Producer(options);

        broker.SetBrokerDown();
        var failure = await Assert.ThrowsExactlyAsync<ProduceException<string, byte[]>>(() => producer.ProduceAsync(Topic, Message("down")));
        broker.SetBrokerUp();
        var delivery = await producer.ProduceAsync(Topic, Message("up"));

        Assert.AreEqual(ErrorCode.Local_MsgTimedOut, failure.Error.Code);
        Assert.AreEqual(PersistenceStatus.Persisted, delivery.Status);
    }

    [TestMethod]
    public async Task RetriableProduceErrorsAreRetriedByTheIdempotentProducer()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic(Topic, 1);
        using var producer = KafkaClients.Producer(KafkaClients.Options(broker));

        broker.PushRequestErrors(0, (int)ErrorCode.NotLeaderForPartition, (int)ErrorCode.NotLeaderForPartition);
        var delivery = await producer.ProduceAsync(Topic, Message("retried"));

        Assert.AreEqual(PersistenceStatus.Persisted, delivery.Status);
        Assert.AreEqual(0, delivery.Offset.Value);
    }

    [TestMethod]
    public async Task APermanentProduceErrorReachesTheProducer()
    {
        using var broker = EmbeddedBroker.Start();
        broker.CreateTopic(Topic, 1);
        using var producer = KafkaClients.Producer(KafkaClients.Options(broker));

        broker.PushRequestErrors(0, (int)ErrorCode.MsgSizeTooLarge);
        var failure = await Assert.ThrowsExactlyAsync<ProduceException<string, byte[]>>(() => producer.ProduceAsync(Topic, Message("rejected")));

        Assert.AreEqual(ErrorCode.MsgSizeTooLarge, failure.Error.Code);
    }

    private static Message<string, byte[]> Message(string key) => new() { Key = key, Value = [1, 2, 3] };
}
