using Telemetry.Contract.Messages;

namespace Telemetry.Contract.Tests.Messages;

[TestClass]
public sealed class TopicsTests
{
    [TestMethod]
    public void ATopicNameReadOffTheWireBecomesTheContractsOwnString()
    {
        foreach (var topic in Topics.All)
        {
            // A copy, as a Kafka client makes one for every message.
            var read = new string(topic.AsSpan());
            Assert.AreNotSame(topic, read);
            Assert.AreSame(topic, Topics.Canonical(read));
        }
    }

    [TestMethod]
    public void AnotherTopicsNameIsKeptAsItIs()
    {
        var other = new string("gpu.samples.v2".AsSpan());

        Assert.AreSame(other, Topics.Canonical(other));
    }
}
