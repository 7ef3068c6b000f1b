using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Spooling;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Producing;

/// <summary>
/// One node's agent: turns sample batches and events into Kafka messages with the contract's headers (schema version,
/// agent id, per-topic sequence numbers) and counts what the broker acknowledges. The producer may be shared by several
/// agents in one process; each agent keeps its own id and sequences. Without a spool, delivery errors are counted as
/// loss and logged; with one (<see cref="SpoolOptions"/>), what Kafka cannot take waits on disk and is sent later, in
/// order, and the sequence numbers go on across restarts.
/// </summary>
public sealed class TelemetryAgent : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly ILogger _logger;
    private readonly byte[] _agentId;
    private readonly byte[] _sampleVersion = MessageHeaders.Format(SampleSchema.Version);
    private readonly byte[] _eventVersion = MessageHeaders.Format(EventCodec.Version);
    private readonly SpoolingOutbox? _outbox;
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

    /// <summary>
    /// Creates an agent with a disk spool: while Kafka is unreachable or slow its messages go to the spool, and they are
    /// sent, oldest first, once Kafka acknowledges again. Messages a previous run left in the spool are sent first, and
    /// sequence numbers continue from that run's.
    /// </summary>
    /// <param name="agentId">Stable id of the agent (by default its node name).</param>
    /// <param name="node">The node it reports, the key of its samples and allocations.</param>
    /// <param name="producer">The Kafka producer to send with.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="spool">The spool's settings; its directory belongs to this agent alone.</param>
    /// <param name="time">Clock of the spool's timing; the system's by default.</param>
    /// <exception cref="InvalidOperationException">Another agent has the spool directory open.</exception>
    public TelemetryAgent(string agentId, string node, IProducer<string, byte[]> producer, ILogger logger, SpoolOptions spool, TimeProvider? time = null)
        : this(agentId, node, producer, logger)
    {
        ArgumentNullException.ThrowIfNull(spool);
        _outbox = SpoolingOutbox.Open(agentId, producer, spool, Counters, logger, time ?? TimeProvider.System);
        _sampleSeq = _outbox.LastSequence(Topics.Samples);
        _allocationSeq = _outbox.LastSequence(Topics.Allocations);
        _throughputSeq = _outbox.LastSequence(Topics.Throughput);
    }

    /// <summary>The agent's id.</summary>
    public string AgentId { get; }

    /// <summary>The node it reports.</summary>
    public string Node { get; }

    /// <summary>What it has sent.</summary>
    public AgentCounters Counters { get; } = new();

    /// <summary>Sample rows published: handed to the producer, or to the spool while Kafka cannot take them.</summary>
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

        PublishEncodedSamples(payload, rows);
    }

    /// <summary>Sends a sample batch already encoded with <see cref="SampleBatchCodec.Encode"/> holding <paramref name="rows"/> rows.</summary>
    public void PublishEncodedSamples(byte[] payload, int rows)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var headers = Headers(_sampleVersion, ++_sampleSeq);
        headers.Add(MessageHeaders.Rows, MessageHeaders.Format(rows));
        headers.Add(MessageHeaders.AllocationSequence, MessageHeaders.Format(_allocationSeq));
        Send(Topics.Samples, Node, payload, headers, rows, _sampleSeq);
        RowsSent += rows;
    }

    /// <summary>Sends an allocation event of this node.</summary>
    public void PublishAllocation(AllocationEvent allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        Send(Topics.Allocations, Node, EventCodec.Encode(allocation), Headers(_eventVersion, ++_allocationSeq), 0, _allocationSeq);
    }

    /// <summary>Sends a throughput event, keyed by its job.</summary>
    public void PublishThroughput(ThroughputEvent throughput)
    {
        ArgumentNullException.ThrowIfNull(throughput);
        Send(Topics.Throughput, throughput.JobId, EventCodec.Encode(throughput), Headers(_eventVersion, ++_throughputSeq), 0, _throughputSeq);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for Kafka to acknowledge what is in flight, and returns how many messages
    /// still are not. With a spool, nothing new is sent meanwhile, and what is still unacknowledged then is in the
    /// spool, on the device, so a stop right after loses nothing; sending goes on afterwards.
    /// </summary>
    public int Flush(TimeSpan timeout)
    {
        if (_outbox is not null)
        {
            return _outbox.Flush(timeout);
        }

        _producer.Flush(timeout);
        return (int)Counters.MessagesInFlight;
    }

    /// <summary>Bytes of the disk spool's files; 0 without a spool.</summary>
    public long SpoolBytes => _outbox?.SpoolBytes ?? 0;

    /// <summary>Where every message the agent produced is now; the sides agree in messages and in rows.</summary>
    public DeliveryBalance Balance() => _outbox?.Balance() ?? Counters.Balance(default, default, default);

    /// <summary>With a spool: stops sending, flushes for at most <see cref="SpoolOptions.FlushTimeout"/>, then closes the spool (what a stop signal calls for).</summary>
    public void Dispose() => _outbox?.Dispose();

    private Headers Headers(byte[] version, long seq) => new()
    {
        { MessageHeaders.SchemaVersion, version },
        { MessageHeaders.AgentId, _agentId },
        { MessageHeaders.Sequence, MessageHeaders.Format(seq) },
    };

    private void Send(string topic, string key, byte[] payload, Headers headers, int rows, long seq)
    {
        var message = new Message<string, byte[]> { Key = key, Value = payload, Headers = headers };
        if (_outbox is not null)
        {
            _outbox.Send(topic, message, rows, seq);
            return;
        }

        Counters.Produced(rows);
        Counters.Sent(rows);
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
            catch (ProduceException<string, byte[]>)
            {
                Counters.Undelivered(rows);
                Counters.Lost(rows);
                throw;
            }
        }
    }

    private void OnDelivery(DeliveryReport<string, byte[]> report, int rows)
    {
        if (report.Error.IsError)
        {
            Counters.Undelivered(rows);
            Counters.Lost(rows);
            Log.DeliveryFailed(_logger, AgentId, report.Topic, report.Error.Code, report.Error.Reason, rows);
        }
        else
        {
            Counters.Delivered(rows);
        }
    }
}
