using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Simulation;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Tests.Simulation;

/// <summary>A small fleet run through the real Kafka protocol (librdkafka's mock cluster), then read back by a real consumer.</summary>
[TestClass]
public sealed class SimulatedFleetRunnerTests
{
    private const int Partitions = 3;
    private static EmbeddedBroker? _broker;
    private static FleetSimulation _simulation = null!;
    private static SimulatedFleetRunner _runner = null!;
    private static List<ConsumeResult<string, byte[]>> _messages = null!;

    [ClassInitialize]
    public static async Task RunFleetThroughKafka(TestContext context)
    {
        _broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            _broker.CreateTopic(topic, Partitions);
        }

        var kafka = new KafkaOptions { BootstrapServers = _broker.BootstrapServers };
        _simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 2, GpusPerNode = 2, Duration = TimeSpan.FromMinutes(2) });
        using (var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("agent-tests")).Build())
        {
            _runner = new SimulatedFleetRunner(_simulation, producer, NullLoggerFactory.Instance, TimeProvider.System, speed: 0, batchSeconds: 5);
            await _runner.RunAsync(context.CancellationToken);
        }

        _messages = TopicReader.ReadAll(kafka, Partitions, expected: _runner.Agents.Sum(a => a.Counters.MessagesDelivered), TimeSpan.FromSeconds(20));
    }

    [ClassCleanup]
    public static void StopBroker() => _broker?.Dispose();

    private static IEnumerable<ConsumeResult<string, byte[]>> OnTopic(string topic) => _messages.Where(m => m.Topic == topic);

    [TestMethod]
    public void EveryDeliveredMessageIsConsumed()
    {
        var delivered = _runner.Agents.Sum(a => a.Counters.MessagesDelivered);

        Assert.HasCount((int)delivered, _messages);
        Assert.IsNotEmpty(OnTopic(Topics.Samples));
        Assert.IsNotEmpty(OnTopic(Topics.Allocations));
    }

    [TestMethod]
    public void RowsConsumedEqualRowsDeliveredAndSamplesProduced()
    {
        var rows = 0L;
        foreach (var message in OnTopic(Topics.Samples))
        {
            using var batch = SampleBatchCodec.Decode(message.Message.Value);
            rows += batch.Length;
        }

        Assert.AreEqual(2L * 2 * 121, _simulation.SamplesProduced);
        Assert.AreEqual(_simulation.SamplesProduced, _runner.RowsDelivered);
        Assert.AreEqual(_runner.RowsDelivered, rows);
    }

    [TestMethod]
    public void AgentsCountNoDeliveryErrors()
    {
        foreach (var agent in _runner.Agents)
        {
            Assert.AreEqual(0, agent.Counters.DeliveryErrors, agent.AgentId);
            Assert.AreEqual(0, agent.Counters.RowsFailed, agent.AgentId);
            Assert.AreEqual(agent.RowsSent, agent.Counters.RowsDelivered, agent.AgentId);
        }

        Assert.AreEqual(0, _runner.RowsFailed);
    }

    [TestMethod]
    public void SampleMessagesAreKeyedByNodeAndHoldOnlyThatNodesRows()
    {
        foreach (var message in OnTopic(Topics.Samples))
        {
            using var batch = SampleBatchCodec.Decode(message.Message.Value);

            var nodes = Enumerable.Range(0, batch.Length).Select(row => batch.Node.GetString(row)).Distinct(StringComparer.Ordinal).ToList();

            CollectionAssert.AreEqual(new[] { message.Message.Key }, nodes);
        }

        CollectionAssert.AreEquivalent(
            new[] { FleetSimulation.NodeName(0), FleetSimulation.NodeName(1) },
            OnTopic(Topics.Samples).Select(m => m.Message.Key).Distinct(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public void EveryMessageCarriesSchemaVersionOneAndItsAgentsId()
    {
        foreach (var message in _messages)
        {
            var agentId = TopicReader.AgentId(message);

            Assert.AreEqual(1, TopicReader.Header(message, MessageHeaders.SchemaVersion), message.Topic);
            if (message.Topic != Topics.Throughput)
            {
                // Samples and allocations are keyed by node, and each node's agent is named after it.
                Assert.AreEqual(message.Message.Key, agentId, message.Topic);
            }
        }

        CollectionAssert.AreEquivalent(
            _runner.Agents.Select(a => a.AgentId).ToList(),
            _messages.Select(TopicReader.AgentId).Distinct(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public void SequenceNumbersCountOneTwoThreeWithoutGapsPerAgentAndTopic()
    {
        foreach (var stream in _messages.GroupBy(m => (m.Topic, Agent: TopicReader.AgentId(m))))
        {
            // Sorted: a throughput stream spans partitions (it is keyed by job), and Kafka orders only within one.
            var seqs = stream.Select(m => TopicReader.Header(m, MessageHeaders.Sequence)).Order().ToList();

            CollectionAssert.AreEqual(Enumerable.Range(1, seqs.Count).Select(i => (long)i).ToList(), seqs, stream.Key.ToString());
        }
    }

    [TestMethod]
    public void TheRowsHeaderEqualsTheBatchRowCount()
    {
        foreach (var message in OnTopic(Topics.Samples))
        {
            using var batch = SampleBatchCodec.Decode(message.Message.Value);

            Assert.AreEqual(batch.Length, TopicReader.Header(message, MessageHeaders.Rows));
        }
    }

    [TestMethod]
    public void ASampleBatchsAllocSeqIsTheLastAllocationAtOrBeforeEachOfItsRows()
    {
        var allocations = OnTopic(Topics.Allocations)
            .Select(m => (Agent: TopicReader.AgentId(m), Seq: TopicReader.Header(m, MessageHeaders.Sequence), Event: EventCodec.DecodeAllocation(m.Message.Value)))
            .ToList();
        Assert.IsNotEmpty(allocations);
        foreach (var message in OnTopic(Topics.Samples))
        {
            var allocSeq = TopicReader.Header(message, MessageHeaders.AllocationSequence);
            using var batch = SampleBatchCodec.Decode(message.Message.Value);
            var first = batch.Time.Values[0];
            var last = batch.Time.Values[batch.Length - 1];
            var mine = allocations.Where(a => a.Agent == TopicReader.AgentId(message)).ToList();

            var lastAtFirstRow = mine.Where(a => a.Event.Time.ToUnixTimeMilliseconds() <= first).Select(a => a.Seq).DefaultIfEmpty(0).Max();
            var lastAtLastRow = mine.Where(a => a.Event.Time.ToUnixTimeMilliseconds() <= last).Select(a => a.Seq).DefaultIfEmpty(0).Max();

            var what = $"{message.Message.Key} batch of {first}..{last} with alloc-seq {allocSeq}";
            Assert.AreEqual(lastAtFirstRow, allocSeq, what);
            Assert.AreEqual(lastAtLastRow, allocSeq, $"{what}: no allocation may fall between its rows");
        }
    }
}
