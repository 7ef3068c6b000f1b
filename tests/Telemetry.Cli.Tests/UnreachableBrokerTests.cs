using Telemetry.Cli.Tests.Support;
using Telemetry.Kafka;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A broker address nobody answers on (a closed loopback port) is reported at start, naming <c>--bootstrap</c> and what
/// to check, with a non-zero exit: never a hang. Each run is bounded only by a generous overall limit, so that a
/// regression fails the test instead of blocking the suite.
/// </summary>
[TestClass]
public sealed class UnreachableBrokerTests
{
    private const string Closed = "127.0.0.1:1";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [TestMethod]
    [DataRow("aggregate", "--api-port", "0", "--out", "{work}/ledger")]
    [DataRow("demo", "--out", "{work}/ledger", "--nodes", "1")]
    [DataRow("agent", "--simulate", "--nodes", "1")]
    [DataRow("agent", "run", "--spool", "off", "--listen", "off")]
    public async Task ACommandGivenAnUnreachableBrokerStopsAndNamesTheSetting(params string[] command)
    {
        var work = Directory.CreateTempSubdirectory("unreachable-");
        try
        {
            string[] args = [.. command.Select(a => a.Replace("{work}", work.FullName, StringComparison.Ordinal)), "--bootstrap", Closed];

            var (exit, output) = await Task.Run(() => CliRun.Run(args)).WaitAsync(Generous);

            Assert.AreEqual(2, exit, output);
            Assert.Contains($"--bootstrap {Closed}: no Kafka broker answered", output);
            Assert.Contains("Check the host and port in --bootstrap (or TELEMETRY_KAFKA_BOOTSTRAP)", output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task ANodeAgentWithASpoolReportsTheUnreachableBrokerAndGoesOn()
    {
        var work = Directory.CreateTempSubdirectory("unreachable-");
        try
        {
            // The collector's source is missing too, so the agent stops after the broker report, at its collectors.
            string[] args = ["agent", "--bootstrap", Closed, "--spool", Path.Combine(work.FullName, "spool"), "--listen", "off", "--collector", "dcgm-exporter", "--dcgm-url", "http://127.0.0.1:1/metrics"];

            var (exit, output) = await Task.Run(() => CliRun.Run(args)).WaitAsync(Generous);

            Assert.Contains($"--bootstrap {Closed}: no Kafka broker answered", output);
            Assert.Contains("The agent goes on and keeps its batches in the spool", output);
            Assert.Contains("The agent cannot start", output);
            Assert.AreEqual(2, exit, output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task TheProbeFindsAnEmbeddedBrokerAndNamesWhyAClosedPortFails()
    {
        using var broker = EmbeddedBroker.Start();

        var reachable = await BrokerProbe.ProblemAsync(new KafkaOptions { BootstrapServers = broker.BootstrapServers }, TimeSpan.FromSeconds(30), CancellationToken.None);
        var closed = await BrokerProbe.ProblemAsync(new KafkaOptions { BootstrapServers = Closed }, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.IsNull(reachable);
        Assert.IsNotNull(closed);
        Assert.Contains("Connection refused", closed);
    }
}
