using Confluent.Kafka;
using Telemetry.Analytics.Consuming;

namespace Telemetry.Analytics.Tests.Consuming;

[TestClass]
public sealed class ReusedPayloadDeserializerTests
{
    private static readonly SerializationContext Context = new(MessageComponentType.Value, "gpu-samples");

    [TestMethod]
    public void EachValueIsCopiedIntoTheSameBufferWhichGrowsForALargerOne()
    {
        var deserializer = new ReusedPayloadDeserializer();
        byte[] small = [1, 2, 3];
        var large = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        var first = deserializer.Deserialize(small, isNull: false, Context)!.Value;
        CollectionAssert.AreEqual(small, first.ToArray());
        var second = deserializer.Deserialize(large, isNull: false, Context)!.Value;
        CollectionAssert.AreEqual(large, second.ToArray());
        var third = deserializer.Deserialize(small, isNull: false, Context)!.Value;

        CollectionAssert.AreEqual(small, third.ToArray());
        // The same memory as the large value: no new array for a value that fits.
        Assert.IsTrue(third.Span.Overlaps(second.Span));
    }

    [TestMethod]
    public void ANullValueStaysNullAndAnEmptyOneEmpty()
    {
        var deserializer = new ReusedPayloadDeserializer();

        Assert.IsNull(deserializer.Deserialize([], isNull: true, Context));
        Assert.AreEqual(0, deserializer.Deserialize([], isNull: false, Context)!.Value.Length);
    }
}
