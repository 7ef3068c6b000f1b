using Confluent.Kafka;

namespace Telemetry.Kafka.Tests;

[TestClass]
public sealed class KafkaOptionsTests
{
    [TestMethod]
    public void DefaultsWithABrokerListAreValid()
    {
        var options = new KafkaOptions { BootstrapServers = "localhost:9092" };

        options.Validate();

        Assert.AreEqual("zstd", options.Compression);
        Assert.AreEqual(0, options.LingerMs);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void AnEmptyBrokerListNamesTheSetting(string servers)
    {
        var options = new KafkaOptions { BootstrapServers = servers };

        var e = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("Kafka:BootstrapServers", e.Message);
    }

    [TestMethod]
    [DataRow("brotli")]
    [DataRow("7")]
    [DataRow("gzip,snappy")]
    public void AnUnknownCompressionNamesTheSetting(string compression)
    {
        var options = new KafkaOptions { BootstrapServers = "localhost:9092", Compression = compression };

        var e = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.Contains("Kafka:Compression", e.Message);
        Assert.Contains(compression, e.Message);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(10_001)]
    public void ALingerOutOfRangeNamesTheSetting(int lingerMs)
    {
        var options = new KafkaOptions { BootstrapServers = "localhost:9092", LingerMs = lingerMs };

        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        Assert.Contains("Kafka:LingerMs", e.Message);
    }

    [TestMethod]
    public void BuildingAConfigValidatesFirst()
    {
        var options = new KafkaOptions();

        var e = Assert.ThrowsExactly<ArgumentException>(() => options.ProducerConfig("agent"));

        Assert.Contains("Kafka:BootstrapServers", e.Message);
    }

    [TestMethod]
    public void TheProducerIsIdempotentAndUsesTheChosenCompression()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092", Compression = "ZSTD", LingerMs = 5 };

        var config = options.ProducerConfig("agent-1");

        Assert.AreEqual("broker:9092", config.BootstrapServers);
        Assert.AreEqual("agent-1", config.ClientId);
        Assert.IsTrue(config.EnableIdempotence);
        Assert.AreEqual(Acks.All, config.Acks);
        Assert.AreEqual(CompressionType.Zstd, config.CompressionType);
        Assert.AreEqual(5, config.LingerMs);
    }

    [TestMethod]
    public void PropertiesOverrideProducerSettings()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092" };
        options.Properties["message.timeout.ms"] = "2000";
        options.Properties["security.protocol"] = "SASL_SSL";

        var config = options.ProducerConfig("agent-1");

        Assert.AreEqual(2000, config.MessageTimeoutMs);
        Assert.AreEqual("SASL_SSL", config.Get("security.protocol"));
    }

    [TestMethod]
    public void DeliveryReportsCarryTheirStatusNotACopyOfTheMessage()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092" };

        Assert.AreEqual("status", options.ProducerConfig("agent-1").DeliveryReportFields);
    }

    [TestMethod]
    public void AnAdminClientTakesTheProducersClusterAndSecuritySettingsWithoutItsProducerOnlyKeys()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092" };
        options.Properties["security.protocol"] = "SASL_SSL";

        var config = options.AdminConfig("admin");

        Assert.AreEqual("broker:9092", config.BootstrapServers);
        Assert.AreEqual("SASL_SSL", config.Get("security.protocol"));
        Assert.IsFalse(config.Any(p => p.Key.StartsWith("dotnet.", StringComparison.Ordinal)), string.Join(", ", config.Select(p => p.Key)));
    }

    [TestMethod]
    public void AConsumerBehindItsFetcherWaitsMillisecondsNotASecondForTheNextFetch()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092" };

        Assert.AreEqual(10, options.ConsumerConfig("aggregators", "aggregator-1").FetchQueueBackoffMs);
        Assert.AreEqual(100, options.ConsumerConfig("aggregators", "aggregator-1").FetchWaitMaxMs);

        options.Properties["fetch.queue.backoff.ms"] = "250";
        Assert.AreEqual(250, options.ConsumerConfig("aggregators", "aggregator-1").FetchQueueBackoffMs);
    }

    [TestMethod]
    public void PropertiesOverrideConsumerSettings()
    {
        var options = new KafkaOptions { BootstrapServers = "broker:9092" };
        options.Properties["session.timeout.ms"] = "30000";

        var config = options.ConsumerConfig("aggregators", "aggregator-1");

        Assert.AreEqual(30_000, config.SessionTimeoutMs);
        Assert.AreEqual("aggregators", config.GroupId);
        Assert.IsFalse(config.EnableAutoOffsetStore);
        Assert.AreEqual(AutoOffsetReset.Earliest, config.AutoOffsetReset);
    }
}
