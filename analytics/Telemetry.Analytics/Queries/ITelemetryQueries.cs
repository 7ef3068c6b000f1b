namespace Telemetry.Analytics.Queries;

/// <summary>
/// The questions the API answers, from InfluxDB (<see cref="InfluxQueryStore"/>) or from the local ledger
/// (<see cref="LedgerQueryStore"/>) when no InfluxDB is configured; both give the same answers for the same windows.
/// Nothing a caller sends is spliced into a query: names are checked against allowlists and values quoted.
/// </summary>
public interface ITelemetryQueries
{
    /// <summary>The fleet in its latest window: GPUs by state and model, power, utilization, energy and cost rate; null before any window.</summary>
    Task<FleetSummary?> FleetSummaryAsync(CancellationToken cancellationToken);

    /// <summary>Every GPU in the latest window, filtered, ordered by node then index.</summary>
    Task<IReadOnlyList<GpuStatus>> GpusAsync(GpuFilter filter, CancellationToken cancellationToken);

    /// <summary>One job's efficiency over a range, window by window with totals; null when the job has no window in it.</summary>
    Task<JobEfficiency?> JobAsync(string jobId, TimeRange range, CancellationToken cancellationToken);

    /// <summary>Energy, GPU time and cost by team, job, model or site over a range, largest energy first.</summary>
    Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, CancellationToken cancellationToken);

    /// <summary>
    /// Energy as <see cref="EnergyByAsync(GroupBy, TimeRange, CancellationToken)"/> counting only the jobs of these teams
    /// (a caller's cost centres): by model or site, the sums are over those jobs alone. No team matches nothing.
    /// </summary>
    Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, IReadOnlyCollection<string> teams, CancellationToken cancellationToken);

    /// <summary>The largest waste by class, team and model over a range, most costly first.</summary>
    Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, CancellationToken cancellationToken);

    /// <summary>The largest waste of these teams only, as <see cref="TopWasteAsync(TimeRange, int, CancellationToken)"/>; no team matches nothing.</summary>
    Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, IReadOnlyCollection<string> teams, CancellationToken cancellationToken);
}
