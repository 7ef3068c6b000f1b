using Confluent.Kafka;
using Telemetry.Agent.Producing;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// Hands an outbox's messages to the Kafka producer and keeps them until their delivery report: counts them, and
/// passes each report on under the outbox's lock. Those sent straight to Kafka (not also in the spool) are kept in the
/// order they were sent. Callers hold the outbox's lock, except for <see cref="WaitUntilEmpty"/>.
/// </summary>
internal sealed class KafkaHandOff(IProducer<string, byte[]> producer, AgentCounters counters, TimeProvider time, Lock gate, Action<InFlightMessage, Error> onReport)
    : IDisposable
{
    private readonly LinkedList<InFlightMessage> _direct = new();
    private readonly ManualResetEventSlim _empty = new(initialState: true);
    private bool _closed;

    /// <summary>Messages in flight.</summary>
    public int Count { get; private set; }

    /// <summary>Messages in flight that were sent straight to Kafka.</summary>
    public int DirectCount => _direct.Count;

    /// <summary>The oldest of them.</summary>
    public InFlightMessage? OldestDirect => _direct.First?.Value;

    /// <summary>Null when the producer took the message; else the error it refused it with (Local_QueueFull: try later).</summary>
    public Error? TrySend(InFlightMessage entry)
    {
        try
        {
            producer.Produce(entry.Topic, entry.Message, report => OnDelivery(entry, report));
        }
        catch (ProduceException<string, byte[]> e)
        {
            return e.Error;
        }

        counters.Sent(entry.Rows);
        entry.SentAt = time.GetUtcNow();
        Count++;
        _empty.Reset();
        if (entry.SpoolId is null)
        {
            entry.Node = _direct.AddLast(entry);
        }

        return null;
    }

    /// <summary>Takes the messages sent straight to Kafka off that list, oldest first; they stay in flight.</summary>
    public List<InFlightMessage> TakeDirect()
    {
        var taken = new List<InFlightMessage>(_direct);
        taken.ForEach(entry => entry.Node = null);
        _direct.Clear();
        return taken;
    }

    public bool WaitUntilEmpty(TimeSpan timeout) => _empty.Wait(timeout);

    /// <summary>Reports that come later are ignored.</summary>
    public void Close() => _closed = true;

    public void Dispose() => _empty.Dispose();

    private void OnDelivery(InFlightMessage entry, DeliveryReport<string, byte[]> report)
    {
        lock (gate)
        {
            if (_closed)
            {
                return;
            }

            if (report.Error.IsError)
            {
                counters.Undelivered(entry.Rows);
            }
            else
            {
                counters.Delivered(entry.Rows);
            }

            // Passed on before it leaves the list: trouble spools a message sent straight to Kafka in its place.
            onReport(entry, report.Error);
            if (--Count == 0)
            {
                _empty.Set();
            }

            if (entry.Node is not null)
            {
                _direct.Remove(entry.Node);
                entry.Node = null;
            }
        }
    }
}
