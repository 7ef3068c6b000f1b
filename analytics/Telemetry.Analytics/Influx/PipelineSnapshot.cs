namespace Telemetry.Analytics.Influx;

/// <summary>The aggregator's own accounting at the moment it writes a window, for the <c>pipeline</c> measurement.</summary>
/// <param name="Instance">The aggregator instance: its name (<c>--instance</c>), else its Kafka client id. Also the <c>instance</c> tag of the window's job, fleet and waste points.</param>
/// <param name="Aggregated">Samples aggregated so far.</param>
/// <param name="Late">Samples that arrived after their window closed.</param>
/// <param name="Invalid">Samples rejected as invalid.</param>
/// <param name="Lag">Consumer lag in messages.</param>
/// <param name="WindowsWritten">Windows written to the ledger.</param>
/// <param name="Duplicate">Samples seen twice (a replay), counted once.</param>
/// <param name="Future">Samples dated too far ahead of this host's clock, quarantined.</param>
/// <param name="PointsWritten">Points InfluxDB acknowledged (filled in by the sink).</param>
/// <param name="NonFiniteDropped">NaN or infinite field values left out (filled in by the sink).</param>
/// <param name="DeadLettered">Points set aside in the dead-letter file (filled in by the sink).</param>
/// <param name="Retries">Write requests retried (filled in by the sink).</param>
/// <param name="WriteLatencyMs">How long the previous window took to write (filled in by the sink).</param>
public sealed record PipelineSnapshot(
    string Instance,
    long Aggregated,
    long Late,
    long Invalid,
    long Lag,
    long WindowsWritten,
    long Duplicate = 0,
    long Future = 0,
    long PointsWritten = 0,
    long NonFiniteDropped = 0,
    long DeadLettered = 0,
    long Retries = 0,
    double? WriteLatencyMs = null);
