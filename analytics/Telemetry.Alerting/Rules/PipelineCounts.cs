using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Consuming;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// The pipeline's loss counters at one moment, as running totals since the counting process started. The data-loss
/// rule alerts on their rises; a total lower than the last one is a restarted process and counts from zero.
/// </summary>
/// <param name="LostMessages">Messages missing from agents' sequences (<see cref="ConsumerCounters.LostMessages"/>).</param>
/// <param name="SkippedOffsets">Offsets jumped over before they were read (<see cref="ConsumerCounters.SkippedOffsets"/>).</param>
/// <param name="LateRows">Sample rows whose window had closed (<see cref="AggregatorCounters.Late"/>).</param>
/// <param name="InvalidRows">Rows with an impossible time or identity, or undecodable (<see cref="AggregatorCounters.Invalid"/>).</param>
/// <param name="BadMessages">Messages skipped as bad (<see cref="ConsumerCounters.BadMessagesTotal"/>).</param>
public sealed record PipelineCounts(long LostMessages, long SkippedOffsets, long LateRows, long InvalidRows, long BadMessages)
{
    /// <summary>The counts of a running consumer and aggregator.</summary>
    public static PipelineCounts From(ConsumerCounters consumer, AggregatorCounters aggregator)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(aggregator);
        return new(consumer.LostMessages, consumer.SkippedOffsets, aggregator.Late, aggregator.Invalid, consumer.BadMessagesTotal);
    }
}
