using System.Text.RegularExpressions;
using Confluent.Kafka;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Host.Tests;

[TestClass]
public sealed partial class AgentEndToEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task TheAgentBinarySendsTheExportersGpusToKafkaServesItsEndpointAndAccountsForEverySampleOnSigterm()
    {
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        await using var exporter = await ExporterPageServer.StartAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "dcgm-exporter-l40s-idle-default-counters.txt"), TestContext.CancellationToken));
        var spool = Directory.CreateTempSubdirectory("agent-host-spool-");
        try
        {
            using var agent = AgentProcess.Start(
                "--bootstrap", broker.BootstrapServers, "--collector", "dcgm-exporter", "--dcgm-url", exporter.Url.ToString(), "--node", "e2e-node",
                "--listen", "http://127.0.0.1:0", "--spool", spool.FullName, "--interval", "1s", "--batch-seconds", "1");

            var rows = ReadSampleRows(broker.BootstrapServers, minimum: 3);
            var endpoint = await EndpointAsync(agent);
            using var http = new HttpClient();
            var health = await http.GetStringAsync(new Uri(endpoint, "/healthz"), TestContext.CancellationToken);
            var metrics = await http.GetStringAsync(new Uri(endpoint, "/metrics"), TestContext.CancellationToken);
            var exit = await agent.StopAsync(TimeSpan.FromSeconds(45));

            Assert.IsGreaterThanOrEqualTo(3, rows.Count, agent.Output);
            Assert.IsTrue(rows.All(r => r.Key == "e2e-node" && r.Gpu == "GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43" && r.Model == "NVIDIA L40S"), string.Join("; ", rows));
            Assert.AreEqual("ok\n", health);
            Assert.Contains("telemetry_agent_samples", metrics);
            Assert.AreEqual(0, exit, agent.Output);
            Assert.Contains("collectors dcgm-exporter", agent.Output);
            Assert.MatchesRegex(@"Samples: produced \d+ .* dropped 0 \+ failed 0\.", agent.Output);
            Assert.DoesNotContain("does not reconcile", agent.Output);
        }
        finally
        {
            spool.Delete(recursive: true);
        }
    }

    /// <summary>Each sample row's message key (the agent's --node), GPU and model, from the beginning of the samples topic.</summary>
    private static List<(string Key, string Gpu, string Model)> ReadSampleRows(string bootstrap, int minimum)
    {
        var rows = new List<(string, string, string)>();
        var kafka = new KafkaOptions { BootstrapServers = bootstrap };
        using var consumer = new ConsumerBuilder<string, byte[]>(kafka.ConsumerConfig("agent-host-tests", "agent-host-tests-reader")).Build();
        consumer.Assign(new TopicPartitionOffset(Topics.Samples, 0, Offset.Beginning));
        var until = DateTime.UtcNow + Deadline;
        while (rows.Count < minimum && DateTime.UtcNow < until)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } message)
            {
                using var batch = SampleBatchCodec.Decode(message.Message.Value);
                for (var row = 0; row < batch.Length; row++)
                {
                    rows.Add((message.Message.Key, batch.GpuUuid.GetString(row)!, batch.GpuModel.GetString(row)!));
                }
            }
        }

        consumer.Close();
        return rows;
    }

    private static async Task<Uri> EndpointAsync(AgentProcess agent)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (EndpointLine().Match(agent.Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(100);
        }

        Assert.Fail("The agent never printed its endpoint: " + agent.Output);
        return null!;
    }

    [GeneratedRegex(@"endpoint (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex EndpointLine();
}
