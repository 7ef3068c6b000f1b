using Telemetry.Agent.Spooling;

namespace Telemetry.Agent.Producing;

/// <summary>What an agent has produced and sent, updated from Kafka's delivery callbacks. Thread-safe.</summary>
public sealed class AgentCounters
{
    private long _messagesProduced;
    private long _rowsProduced;
    private long _messagesSent;
    private long _messagesInFlight;
    private long _rowsInFlight;
    private long _rowsDelivered;
    private long _rowsFailed;
    private long _messagesFailed;
    private long _messagesDelivered;
    private long _deliveryErrors;
    private long _eventsDelivered;

    /// <summary>Messages of any topic the agent built.</summary>
    public long MessagesProduced => Interlocked.Read(ref _messagesProduced);

    /// <summary>Sample rows in the messages the agent built.</summary>
    public long RowsProduced => Interlocked.Read(ref _rowsProduced);

    /// <summary>Hand-overs to the Kafka producer; a message sent again from the spool counts again.</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Messages handed to the Kafka producer whose delivery report has not come yet.</summary>
    public long MessagesInFlight => Interlocked.Read(ref _messagesInFlight);

    /// <summary>Sample rows in those messages.</summary>
    public long RowsInFlight => Interlocked.Read(ref _rowsInFlight);

    /// <summary>Sample rows the broker acknowledged.</summary>
    public long RowsDelivered => Interlocked.Read(ref _rowsDelivered);

    /// <summary>Sample rows lost for good: their delivery failed and they could not be spooled (no spool, a permanent error, a disk error).</summary>
    public long RowsFailed => Interlocked.Read(ref _rowsFailed);

    /// <summary>Messages of any topic lost for good, as for <see cref="RowsFailed"/>.</summary>
    public long MessagesFailed => Interlocked.Read(ref _messagesFailed);

    /// <summary>Messages of any topic the broker acknowledged.</summary>
    public long MessagesDelivered => Interlocked.Read(ref _messagesDelivered);

    /// <summary>Delivery reports with an error, whether the message then went to the spool or was lost.</summary>
    public long DeliveryErrors => Interlocked.Read(ref _deliveryErrors);

    /// <summary>Allocation and throughput events the broker acknowledged.</summary>
    public long EventsDelivered => Interlocked.Read(ref _eventsDelivered);

    internal void Produced(int rows)
    {
        Interlocked.Increment(ref _messagesProduced);
        Interlocked.Add(ref _rowsProduced, rows);
    }

    internal void Sent(int rows)
    {
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Increment(ref _messagesInFlight);
        Interlocked.Add(ref _rowsInFlight, rows);
    }

    internal void Delivered(int rows)
    {
        Settled(rows);
        Interlocked.Increment(ref _messagesDelivered);
        if (rows > 0)
        {
            Interlocked.Add(ref _rowsDelivered, rows);
        }
        else
        {
            Interlocked.Increment(ref _eventsDelivered);
        }
    }

    /// <summary>A delivery report with an error: the message is no longer in flight; the caller spools it or counts it lost.</summary>
    internal void Undelivered(int rows)
    {
        Settled(rows);
        Interlocked.Increment(ref _deliveryErrors);
    }

    internal void Lost(int rows)
    {
        Interlocked.Increment(ref _messagesFailed);
        Interlocked.Add(ref _rowsFailed, rows);
    }

    /// <summary>These counters with what a spool holds and has lost.</summary>
    internal DeliveryBalance Balance(DeliveryCount recovered, DeliveryCount spooled, DeliveryCount dropped) => new(
        new DeliveryCount(MessagesProduced, RowsProduced),
        recovered,
        new DeliveryCount(MessagesDelivered, RowsDelivered),
        new DeliveryCount(MessagesInFlight, RowsInFlight),
        spooled,
        dropped,
        new DeliveryCount(MessagesFailed, RowsFailed));

    private void Settled(int rows)
    {
        Interlocked.Decrement(ref _messagesInFlight);
        Interlocked.Add(ref _rowsInFlight, -rows);
    }
}
