namespace Telemetry.Analytics.Reporting;

/// <summary>What a report needs besides the ledger rows.</summary>
public sealed class ReportOptions
{
    /// <summary>Sample accounting, when the caller knows what was produced.</summary>
    public SampleAccounting? Samples { get; init; }

    /// <summary>How long a GPU must stay in a waste class before it counts.</summary>
    public WasteEpisodeRules Waste { get; init; } = new();

    /// <summary>Tariffs, PUE, carbon and GPU-hour prices; the documented illustrative defaults when none is given.</summary>
    public Costing.CostModel Cost { get; init; } = Costing.CostModel.Default();

    /// <summary>Health thresholds (HBM temperature limits, stale agents, data quality).</summary>
    public Health.HealthOptions Health { get; init; } = new();

    /// <summary>SM activity below which an allocated GPU counts as idle, for ledgers without state rows.</summary>
    public double BusySmActivity { get; init; } = 0.05;
}
