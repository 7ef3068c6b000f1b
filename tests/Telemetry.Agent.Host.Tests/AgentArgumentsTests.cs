namespace Telemetry.Agent.Host.Tests;

[TestClass]
public sealed class AgentArgumentsTests
{
    [TestMethod]
    public void EveryOptionOfAgentRunReachesTheSettings()
    {
        var (settings, error) = AgentArguments.Parse(
        [
            "--bootstrap", "kafka-1:9092,kafka-2:9092", "--kafka-property", "security.protocol=SASL_SSL", "--node", "gpu-7",
            "--collector", "nvml", "--dcgm-url", "http://10.0.0.1:9400/metrics", "--nvidia-smi", "/opt/nvidia-smi",
            "--nvml-library", "/opt/libnvidia-ml.so.1", "--hpc-job-map", "/run/dcgm-job-map", "--scrape-tokens", "chat-1=http://127.0.0.1:8000/metrics",
            "--tokens-metric", "tgi_tokens", "--listen", "off", "--spool", "/var/spool/agent", "--spool-max-mib", "64",
            "--interval", "2s", "--batch-seconds", "10",
        ]);

        Assert.IsNull(error);
        Assert.IsNotNull(settings);
        Assert.AreEqual("kafka-1:9092,kafka-2:9092", settings.Bootstrap);
        CollectionAssert.AreEqual(new[] { "security.protocol=SASL_SSL" }, settings.KafkaProperties.ToArray());
        Assert.AreEqual("SASL_SSL", settings.KafkaOptions().Properties["security.protocol"]);
        Assert.AreEqual("gpu-7", settings.Node);
        CollectionAssert.AreEqual(new[] { "nvml" }, settings.Collectors.ToArray());
        Assert.AreEqual("http://10.0.0.1:9400/metrics", settings.DcgmUrl);
        Assert.AreEqual("/opt/nvidia-smi", settings.NvidiaSmi);
        Assert.AreEqual("/opt/libnvidia-ml.so.1", settings.NvmlLibrary);
        Assert.AreEqual("/run/dcgm-job-map", settings.HpcJobMap);
        CollectionAssert.AreEqual(new[] { "chat-1=http://127.0.0.1:8000/metrics" }, settings.ScrapeTokens.ToArray());
        Assert.AreEqual("tgi_tokens", settings.TokensMetric);
        Assert.AreEqual("off", settings.Listen);
        Assert.AreEqual("/var/spool/agent", settings.Spool);
        Assert.AreEqual(64, settings.SpoolMaxMiB);
        Assert.AreEqual("2s", settings.Interval);
        Assert.AreEqual(10, settings.BatchSeconds);
    }

    [TestMethod]
    public void OptionsNotGivenKeepTheDefaultsOfAgentRun()
    {
        var (settings, error) = AgentArguments.Parse(["--bootstrap", "kafka-1:9092"]);

        Assert.IsNull(error);
        Assert.IsNotNull(settings);
        Assert.AreEqual("http://localhost:9400/metrics", settings.DcgmUrl);
        Assert.AreEqual("http://127.0.0.1:9410", settings.Listen);
        Assert.AreEqual("spool", settings.Spool);
        Assert.AreEqual(1024, settings.SpoolMaxMiB);
        Assert.AreEqual("1s", settings.Interval);
        Assert.AreEqual(5, settings.BatchSeconds);
        Assert.IsEmpty(settings.Collectors);
        Assert.IsNull(settings.Node);
    }

    [TestMethod]
    public void NameEqualsValueALeadingRunAndRepeatedOptionsAreRead()
    {
        var (settings, error) = AgentArguments.Parse(["run", "--bootstrap=kafka-1:9092", "--collector", "nvidia-smi", "--collector=dcgm-exporter", "--kafka-property", "a=b=c"]);

        Assert.IsNull(error);
        Assert.IsNotNull(settings);
        Assert.AreEqual("kafka-1:9092", settings.Bootstrap);
        CollectionAssert.AreEqual(new[] { "nvidia-smi", "dcgm-exporter" }, settings.Collectors.ToArray());
        Assert.AreEqual("b=c", settings.KafkaOptions().Properties["a"]);
    }

    [TestMethod]
    [DataRow("--collector", "--collector", "gpu-z", "is not one of dcgm-exporter, nvml, nvidia-smi")]
    [DataRow("--interval", "--interval", "50ms", "at least 100ms")]
    [DataRow("--interval", "--interval", "soon", "at least 100ms")]
    [DataRow("--listen", "--listen", "loopback", "must be a URL")]
    [DataRow("--spool-max-mib", "--spool-max-mib", "4", "between 8 and 1048576 (got 4)")]
    [DataRow("--spool-max-mib", "--spool-max-mib", "lots", "must be a whole number")]
    [DataRow("--dcgm-url", "--dcgm-url", "9400/metrics", "must be a URL")]
    [DataRow("--scrape-tokens", "--scrape-tokens", "chat-1", "must be JOB=URL")]
    [DataRow("--kafka-property", "--kafka-property", "acks", "must be KEY=VALUE")]
    [DataRow("--batch-seconds", "--batch-seconds", "0", "between 1 and 3600 (got 0)")]
    [DataRow("--batch-seconds", "--batch-seconds", "5s", "must be a whole number")]
    [DataRow("--nodes", "--nodes", "4", "simulated fleet")]
    [DataRow("--simulate", "--simulate", "--node", "simulated fleet")]
    [DataRow("--colector", "--colector", "nvml", "Unknown option")]
    public void BadInputIsRefusedNamingTheOption(string option, string name, string value, string says)
    {
        var (settings, error) = AgentArguments.Parse(["--bootstrap", "kafka-1:9092", name, value]);

        Assert.IsNull(settings);
        Assert.IsNotNull(error);
        Assert.Contains(option, error);
        Assert.Contains(says, error);
    }

    [TestMethod]
    public void AnOptionWithoutItsValueSaysWhatTheValueIs()
    {
        var (settings, error) = AgentArguments.Parse(["--bootstrap", "kafka-1:9092", "--spool", "--listen", "off"]);

        Assert.IsNull(settings);
        Assert.AreEqual("--spool needs a value (DIR).", error);
    }

    [TestMethod]
    public void AWordThatIsNoOptionIsRefused()
    {
        var (settings, error) = AgentArguments.Parse(["--bootstrap", "kafka-1:9092", "start"]);

        Assert.IsNull(settings);
        Assert.Contains("'start'", error!);
    }

    [TestMethod]
    public void WithoutABrokerAddressItSaysHowToGiveOne()
    {
        if (Environment.GetEnvironmentVariable("TELEMETRY_KAFKA_BOOTSTRAP") is not null)
        {
            Assert.Inconclusive("TELEMETRY_KAFKA_BOOTSTRAP is set in this environment.");
        }

        var (settings, error) = AgentArguments.Parse(["--collector", "nvml"]);

        Assert.IsNull(settings);
        Assert.Contains("--bootstrap is required (or set TELEMETRY_KAFKA_BOOTSTRAP)", error!);
    }
}
