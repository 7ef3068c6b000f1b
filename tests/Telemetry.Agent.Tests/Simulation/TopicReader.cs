using System.Text;
using Confluent.Kafka;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>Reads the contract's topics from the beginning with a real consumer.</summary>
internal static class TopicReader
{
    /// <summary>Reads until <paramref name="expected"/> messages arrived or the deadline passed (then the test fails on the count, not hangs).</summary>
    public static List<ConsumeResult<string, byte[]>> ReadAll(KafkaOptions kafka, int partitionsPerTopic, long expected, TimeSpan deadline)
    {
        var messages = new List<ConsumeResult<string, byte[]>>();
        using var consumer = new ConsumerBuilder<string, byte[]>(kafka.ConsumerConfig("agent-tests", "agent-tests-reader")).Build();
        consumer.Assign(Topics.All.SelectMany(topic =>
            Enumerable.Range(0, partitionsPerTopic).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning))));
        var until = DateTime.UtcNow + deadline;
        while (messages.Count < expected && DateTime.UtcNow < until)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                messages.Add(result);
            }
        }

        consumer.Close();
        return messages;
    }

    public static long Header(ConsumeResult<string, byte[]> message, string name)
    {
        Assert.IsTrue(message.Message.Headers.TryGetLastBytes(name, out var bytes), $"{message.Topic} message lacks the {name} header");
        Assert.IsTrue(MessageHeaders.TryParse(bytes, out var value), $"{name} header is not a number");
        return value;
    }

    public static string AgentId(ConsumeResult<string, byte[]> message)
    {
        Assert.IsTrue(message.Message.Headers.TryGetLastBytes(MessageHeaders.AgentId, out var bytes), $"{message.Topic} message lacks the agent-id header");
        return Encoding.UTF8.GetString(bytes);
    }
}
