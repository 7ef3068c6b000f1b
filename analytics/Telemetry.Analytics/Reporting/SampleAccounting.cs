namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Where every sample went: produced = aggregated + late + invalid + duplicate + future + lost. <c>Lost</c> is what was
/// produced but never reached the aggregator; <c>Future</c> what came dated too far ahead of the aggregator's clock and
/// was quarantined.
/// </summary>
public sealed record SampleAccounting(long Produced, long Aggregated, long Late, long Invalid, long Duplicate, long Lost, long Future = 0)
{
    /// <summary>Builds the accounting, deriving what was lost.</summary>
    public static SampleAccounting From(long produced, long aggregated, long late, long invalid, long duplicate, long future = 0) =>
        new(produced, aggregated, late, invalid, duplicate, produced - aggregated - late - invalid - duplicate - future, future);
}
