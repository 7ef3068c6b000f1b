namespace Telemetry.Analytics.Consuming;

/// <summary>Where one agent's samples went in this aggregator: the aggregator's terms of the conservation law.</summary>
/// <param name="Aggregated">Merged into windows.</param>
/// <param name="Late">Arrived after their window closed.</param>
/// <param name="Invalid">Refused as invalid (bad rows or bad messages).</param>
/// <param name="Duplicate">Seen before (a replay), counted once.</param>
/// <param name="Future">Dated too far ahead of this host's clock, quarantined.</param>
public sealed record AgentSamples(long Aggregated, long Late, long Invalid, long Duplicate, long Future)
{
    /// <summary>Every term added up: what this aggregator received of the agent's samples.</summary>
    public long Total => Aggregated + Late + Invalid + Duplicate + Future;

    /// <summary>The terms of two counts added together.</summary>
    public AgentSamples Plus(AgentSamples other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Aggregated + other.Aggregated, Late + other.Late, Invalid + other.Invalid, Duplicate + other.Duplicate, Future + other.Future);
    }
}
