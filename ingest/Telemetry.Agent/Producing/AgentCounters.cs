namespace Telemetry.Agent.Producing;

/// <summary>What an agent has sent, updated from Kafka's delivery callbacks. Thread-safe.</summary>
public sealed class AgentCounters
{
    private long _rowsDelivered;
    private long _rowsFailed;
    private long _messagesDelivered;
    private long _deliveryErrors;
    private long _eventsDelivered;

    /// <summary>Sample rows the broker acknowledged.</summary>
    public long RowsDelivered => Interlocked.Read(ref _rowsDelivered);

    /// <summary>Sample rows whose delivery failed.</summary>
    public long RowsFailed => Interlocked.Read(ref _rowsFailed);

    /// <summary>Messages of any topic the broker acknowledged.</summary>
    public long MessagesDelivered => Interlocked.Read(ref _messagesDelivered);

    /// <summary>Messages of any topic whose delivery failed.</summary>
    public long DeliveryErrors => Interlocked.Read(ref _deliveryErrors);

    /// <summary>Allocation and throughput events the broker acknowledged.</summary>
    public long EventsDelivered => Interlocked.Read(ref _eventsDelivered);

    internal void Delivered(int rows)
    {
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

    internal void Failed(int rows)
    {
        Interlocked.Increment(ref _deliveryErrors);
        Interlocked.Add(ref _rowsFailed, rows);
    }
}
