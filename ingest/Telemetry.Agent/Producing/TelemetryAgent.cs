using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Producing;

/// <summary>
/// One node's agent: turns sample batches and events into Kafka messages with the contract's headers (schema version,
/// agent id, per-topic sequence numbers) and counts what the broker acknowledges. The producer may be shared by several
/// agents in one process; each agent keeps its own id and sequences. Delivery errors are counted and logged.
/// </summary>
public sealed class TelemetryAgent
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly ILogger _logger;
    private readonly byte[] _agentId;
    private readonly byte[] _sampleVersion = MessageHeaders.Format(SampleSchema.Version);
    private readonly byte[] _eventVersion = MessageHeaders.Format(EventCodec.Version);
    private long _sampleSeq;
    private long _allocationSeq;
    private long _throughputSeq;

    /// <summary>Creates the agent.</summary>
    /// <param name="agentId">Stable id of the agent (by default its node name).</param>
    /// <param name="node">The node it reports, the key of its samples and allocations.</param>
    /// <param name="producer">The Kafka producer to send with.</param>
    /// <param name="logger">Logger.</param>
    public TelemetryAgent(string agentId, string node, IProducer<string, byte[]> producer, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        AgentId = agentId;
        Node = node;
        _producer = producer ?? throw new ArgumentNullException(nameof(producer));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _agentId = System.Text.Encoding.UTF8.GetBytes(agentId);
    }

    /// <summary>The agent's id.</summary>
    public string AgentId { get; }

    /// <summary>The node it reports.</summary>
    public string Node { get; }

    /// <summary>What it has sent.</summary>
    public AgentCounters Counters { get; } = new();

    /// <summary>Sample rows handed to the producer.</summary>
    public long RowsSent { get; private set; }

    /// <summary>Builds the rows in <paramref name="batch"/> into one message on the samples topic; does nothing when it is empty.</summary>
    public void PublishSamples(SampleBatchBuilder batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = batch.Count;
        if (rows == 0)
        {
            return;
        }

        byte[] payload;
        using (var recordBatch = batch.Build())
        {
            payload = SampleBatchCodec.Encode(recordBatch);
        }

        var headers = Headers(_sampleVersion, ++_sampleSeq);
        headers.Add(MessageHeaders.Rows, MessageHeaders.Format(rows));
        headers.Add(MessageHeaders.AllocationSequence, MessageHeaders.Format(_allocationSeq));
        Send(Topics.Samples, Node, payload, headers, rows);
        RowsSent += rows;
    }

    /// <summary>Sends an allocation event of this node.</summary>
    public void PublishAllocation(AllocationEvent allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        Send(Topics.Allocations, Node, EventCodec.Encode(allocation), Headers(_eventVersion, ++_allocationSeq), 0);
    }

    /// <summary>Sends a throughput event, keyed by its job.</summary>
    public void PublishThroughput(ThroughputEvent throughput)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        Send(Topics.Throughput, throughput.JobId, EventCodec.Encode(throughput), Headers(_eventVersion, ++_throughputSeq), 0);
    }

    private Headers Headers(byte[] version, long seq) => new()
    {
        { MessageHeaders.SchemaVersion, version },
        { MessageHeaders.AgentId, _agentId },
        { MessageHeaders.Sequence, MessageHeaders.Format(seq) },
    };

    private void Send(string topic, string key, byte[] payload, Headers headers, int rows)
    {
        var message = new Message<string, byte[]> { Key = key, Value = payload, Headers = headers };
        while (true)
        {
            try
            {
                _producer.Produce(topic, message, report => OnDelivery(report, rows));
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: let librdkafka deliver some of its queue, then try again.
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private void OnDelivery(DeliveryReport<string, byte[]> report, int rows)
    {
        if (report.Error.IsError)
        {
            Counters.Failed(rows);
            Log.DeliveryFailed(_logger, AgentId, report.Topic, report.Error.Code, report.Error.Reason, rows);
        }
        else
        {
            Counters.Delivered(rows);
        }
    }
}
