namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Where every sample went: produced = aggregated + late + invalid + duplicate + lost. <c>Lost</c> is what was produced
/// but never reached the aggregator.
/// </summary>
public sealed record SampleAccounting(long Produced, long Aggregated, long Late, long Invalid, long Duplicate, long Lost)
{
    /// <summary>Builds the accounting, deriving what was lost.</summary>
    public static SampleAccounting From(long produced, long aggregated, long late, long invalid, long duplicate) =>
        new(produced, aggregated, late, invalid, duplicate, produced - aggregated - late - invalid - duplicate);
}
