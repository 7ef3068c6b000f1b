using Telemetry.Kafka.Native;

namespace Telemetry.Kafka.Tests.Native;

[TestClass]
public sealed class RdKafkaLibraryTests
{
    [TestMethod]
    public void EnsureLoadedReturnsTheFileOfTheLoadedLibrary()
    {
        var path = RdKafkaLibrary.EnsureLoaded();

        Assert.IsTrue(File.Exists(path), path);
        Assert.Contains("librdkafka", Path.GetFileName(path));
        Assert.AreEqual(path, RdKafkaLibrary.LoadedPath);
    }

    [TestMethod]
    public void EnsureLoadedIsIdempotent()
    {
        var first = RdKafkaLibrary.EnsureLoaded();

        var second = RdKafkaLibrary.EnsureLoaded();

        Assert.AreEqual(first, second);
    }
}
