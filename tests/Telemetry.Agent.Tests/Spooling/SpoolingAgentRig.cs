using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Simulation;
using Telemetry.Agent.Spooling;
using Telemetry.Agent.Tests.Simulation;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Tests.Spooling;

/// <summary>
/// The mock Kafka cluster with the contract's topics, a spool directory, and agents for one simulated node, set up so
/// that an outage shows within seconds: deliveries time out after 1.5 s and reconnecting backs off briefly.
/// </summary>
internal sealed class SpoolingAgentRig : IDisposable
{
    public const string AgentId = "gpu-node-000";
    private const int Gpus = 4;
    private readonly List<(TelemetryAgent Agent, IProducer<string, byte[]> Producer)> _agents = [];
    private readonly FleetSimulation _simulation = new(new FleetSimulationOptions { Nodes = 1, GpusPerNode = Gpus, Duration = TimeSpan.FromHours(1) });

    public SpoolingAgentRig()
    {
        Broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            Broker.CreateTopic(topic, partitions: 1);
        }

        Kafka = new KafkaOptions { BootstrapServers = Broker.BootstrapServers, LingerMs = 5 };
        Kafka.Properties["message.timeout.ms"] = "1500";
        Kafka.Properties["reconnect.backoff.ms"] = "50";
        Kafka.Properties["reconnect.backoff.max.ms"] = "200";
    }

    public EmbeddedBroker Broker { get; }

    public KafkaOptions Kafka { get; }

    public TempDirectory Spool { get; } = new();

    /// <summary>Rows in each batch <see cref="Publish"/> sends.</summary>
    public static int RowsPerBatch => Gpus;

    /// <summary>Bytes of one encoded batch as <see cref="Publish"/> makes them.</summary>
    public static int BatchBytes()
    {
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = Gpus, Duration = TimeSpan.FromMinutes(1) });
        simulation.Tick();
        var batch = new SampleBatchBuilder();
        simulation.AppendSamples(0, batch);
        using var built = batch.Build();
        return SampleBatchCodec.Encode(built).Length;
    }

    public SpoolOptions Options(TimeSpan? flushTimeout = null) => new()
    {
        Directory = Spool.Path,
        RetryInterval = TimeSpan.FromMilliseconds(200),
        DrainInterval = TimeSpan.FromMilliseconds(20),
        FlushTimeout = flushTimeout ?? TimeSpan.FromSeconds(1),
    };

    /// <summary>An agent with its own producer (both disposed with the rig, unless stopped before).</summary>
    public TelemetryAgent StartAgent(SpoolOptions? options = null)
    {
        // The broker goes down on purpose: keep librdkafka's connection errors out of the test output.
        var producer = new ProducerBuilder<string, byte[]>(Kafka.ProducerConfig("spool-tests")).SetLogHandler(static (_, _) => { }).Build();
        var agent = new TelemetryAgent(AgentId, AgentId, producer, NullLogger<TelemetryAgent>.Instance, options ?? Options());
        _agents.Add((agent, producer));
        return agent;
    }

    /// <summary>Stops an agent as a stop signal would, and its process with it: the producer goes too, and with it whatever it still held.</summary>
    public void Stop(TelemetryAgent agent)
    {
        var index = _agents.FindIndex(a => a.Agent == agent);
        agent.Dispose();
        _agents[index].Producer.Dispose();
        _agents.RemoveAt(index);
    }

    /// <summary>Publishes <paramref name="batches"/> sample batches, one simulated second each.</summary>
    public void Publish(TelemetryAgent agent, int batches)
    {
        var batch = new SampleBatchBuilder();
        for (var i = 0; i < batches; i++)
        {
            _simulation.Tick();
            _simulation.AppendSamples(0, batch);
            agent.PublishSamples(batch);
        }
    }

    /// <summary>The sample messages on the topic, in partition order, once <paramref name="expected"/> arrived (or the deadline passed).</summary>
    public List<ConsumeResult<string, byte[]>> ReadSamples(long expected) =>
        TopicReader.ReadAll(Kafka, partitionsPerTopic: 1, expected, TimeSpan.FromSeconds(15)).Where(m => m.Topic == Topics.Samples).ToList();

    /// <summary>Waits for <paramref name="condition"/>; a broken run fails here rather than hangs.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Gave up waiting until " + what);
            }

            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        for (var i = _agents.Count - 1; i >= 0; i--)
        {
            Stop(_agents[i].Agent);
        }

        Broker.Dispose();
        Spool.Dispose();
    }
}
