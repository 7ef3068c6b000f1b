namespace Telemetry.Agent.Spooling;

/// <summary>
/// Where every message an agent is answerable for is now: what it produced, plus what it found in its spool at start,
/// is acknowledged by Kafka, in flight to Kafka, waiting in the spool, dropped from a full spool, or failed for good.
/// Each message is in exactly one of those places, so the two sides agree in messages and in rows.
/// </summary>
/// <param name="Produced">Messages the agent built since it started.</param>
/// <param name="Recovered">Unacknowledged messages a previous run left in the spool.</param>
/// <param name="Acknowledged">Messages Kafka acknowledged.</param>
/// <param name="InFlight">Messages handed to the Kafka producer whose delivery report has not come yet.</param>
/// <param name="Spooled">Messages on disk waiting to be sent.</param>
/// <param name="Dropped">Messages the spool dropped when it grew past its cap.</param>
/// <param name="Failed">Messages lost for good: a permanent delivery error, or one that could not be spooled.</param>
public sealed record DeliveryBalance(
    DeliveryCount Produced,
    DeliveryCount Recovered,
    DeliveryCount Acknowledged,
    DeliveryCount InFlight,
    DeliveryCount Spooled,
    DeliveryCount Dropped,
    DeliveryCount Failed)
{
    /// <summary>Everything the agent is answerable for.</summary>
    public DeliveryCount Owed => Produced + Recovered;

    /// <summary>Everything accounted for.</summary>
    public DeliveryCount Accounted => Acknowledged + InFlight + Spooled + Dropped + Failed;

    /// <summary>True when every message and every row is accounted for exactly once.</summary>
    public bool Reconciles => Owed == Accounted;
}
