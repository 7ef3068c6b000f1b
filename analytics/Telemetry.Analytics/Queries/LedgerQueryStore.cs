using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Queries;

/// <summary>
/// The API's questions answered from the local ledger, for hosts without InfluxDB (the embedded default). Prices and
/// derived figures come from the same code as the InfluxDB points, so the answers match <see cref="InfluxQueryStore"/>.
/// </summary>
/// <param name="reader">The ledger.</param>
/// <param name="cost">The cost model the aggregator prices with; the built-in default when null.</param>
public sealed class LedgerQueryStore(LedgerReader reader, CostModel? cost = null) : ITelemetryQueries
{
    private readonly WindowFacts _facts = new(cost ?? CostModel.Default());

    /// <inheritdoc />
    public Task<FleetSummary?> FleetSummaryAsync(CancellationToken cancellationToken)
    {
        if (Latest() is not { } fleet)
        {
            return Task.FromResult<FleetSummary?>(null);
        }

        var gpus = Gpus(fleet);
        var seconds = (fleet.WindowEnd - fleet.WindowStart) / 1000.0;
        var window = reader.GpuWindows(fleet.WindowStart, fleet.WindowStart + 1).ToList();

        // Each aggregator instance wrote the fleet row of its own nodes.
        var energy = reader.FleetWindows(fleet.WindowStart, fleet.WindowStart + 1).Sum(f => f.EnergyJoules);
        return Task.FromResult<FleetSummary?>(QueryAnswers.Summary(
            Time(fleet.WindowStart), Time(fleet.WindowEnd), gpus, energy, seconds, _facts.FleetCost(window).Cost));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GpuStatus>> GpusAsync(GpuFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        QueryAnswers.Check(filter);
        return Task.FromResult(Latest() is { } fleet ? QueryAnswers.Filter(Gpus(fleet), filter) : (IReadOnlyList<GpuStatus>)[]);
    }

    /// <inheritdoc />
    public Task<JobEfficiency?> JobAsync(string jobId, TimeRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        InfluxQl.CheckValue(jobId, "job");
        var (from, to) = Millis(range);
        var windows = reader.JobWindows(from, to).Where(j => j.JobId == jobId).ToList();
        if (windows.Count == 0)
        {
            return Task.FromResult<JobEfficiency?>(null);
        }

        var gpusByWindow = reader.GpuWindows(from, to).Where(g => g.JobId == jobId).ToLookup(g => g.WindowStart);
        var rows = windows.Select(j =>
        {
            var site = _facts.JobSites([.. gpusByWindow[j.WindowStart]]).GetValueOrDefault(jobId) ?? _facts.Cost.DefaultSite;
            return (Window: j, Site: site, Point: new JobPoint(Time(j.WindowStart), j.Gpus, j.GpuSeconds, j.EnergyJoules, j.Tflop, j.Tokens, _facts.JobCharge(j, site)?.Cost));
        }).OrderBy(r => r.Window.WindowStart).ToList();
        var last = rows[^1];
        return Task.FromResult<JobEfficiency?>(QueryAnswers.Job(
            jobId, last.Window.Team, last.Window.User, last.Window.GpuModel, last.Site.Currency, [.. rows.Select(r => (r.Point, r.Window.BusyGpuSeconds))]));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, CancellationToken cancellationToken) =>
        Task.FromResult(EnergyBy(by, range, null));

    /// <inheritdoc />
    public Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, IReadOnlyCollection<string> teams, CancellationToken cancellationToken) =>
        Task.FromResult(EnergyBy(by, range, QueryAnswers.CheckTeams(teams)));

    /// <inheritdoc />
    public Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(TopWaste(range, limit, null));

    /// <inheritdoc />
    public Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, IReadOnlyCollection<string> teams, CancellationToken cancellationToken) =>
        Task.FromResult(TopWaste(range, limit, QueryAnswers.CheckTeams(teams)));

    private IReadOnlyList<GroupEnergy> EnergyBy(GroupBy by, TimeRange range, HashSet<string>? teams)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        QueryAnswers.TagOf(by);
        var (from, to) = Millis(range);
        var sites = reader.GpuWindows(from, to).GroupBy(g => g.WindowStart).ToDictionary(g => g.Key, g => _facts.JobSites([.. g]));
        var rows = reader.JobWindows(from, to).Where(j => teams is null || teams.Contains(j.Team)).Select(j =>
        {
            var site = sites.GetValueOrDefault(j.WindowStart)?.GetValueOrDefault(j.JobId) ?? _facts.Cost.DefaultSite;
            var key = by switch
            {
                GroupBy.Team => j.Team,
                GroupBy.Job => j.JobId,
                GroupBy.Model => j.GpuModel,
                _ => site.Name,
            };
            return (Key: QueryAnswers.KeyOrUnknown(key), site.Currency, Window: j, Cost: _facts.JobCharge(j, site)?.Cost ?? 0);
        });
        return QueryAnswers.Order(rows.GroupBy(r => (r.Key, r.Currency)).Select(g => new GroupEnergy(
            g.Key.Key, g.Key.Currency, g.Sum(r => r.Window.EnergyJoules), g.Sum(r => r.Window.GpuSeconds), g.Sum(r => r.Window.Tokens), g.Sum(r => r.Cost))));
    }

    private IReadOnlyList<WasteEntry> TopWaste(TimeRange range, int limit, HashSet<string>? teams)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        QueryAnswers.CheckLimit(limit);
        var (from, to) = Millis(range);
        var jobs = reader.JobWindows(from, to).ToLookup(j => j.WindowStart);
        var facts = reader.GpuStates(from, to).GroupBy(s => s.WindowStart).SelectMany(w => _facts.Waste([.. w], [.. jobs[w.Key]]))
            .Where(f => teams is null || teams.Contains(f.Team));
        return QueryAnswers.Top(
            facts.GroupBy(f => (f.Class, f.Team, f.Model, f.Currency)).Select(g => new WasteEntry(
                g.Key.Class, g.Key.Team, QueryAnswers.KeyOrUnknown(g.Key.Model), g.Key.Currency, g.Sum(f => f.GpuSeconds), g.Sum(f => f.EnergyJoules), g.Sum(f => f.Cost))),
            limit);
    }

    private FleetWindow? Latest()
    {
        var files = reader.Files(LedgerSchemas.FleetWindows.Name);
        if (files.Count == 0 || !LedgerLayout.TryParseWindowStart(Path.GetFileName(files[^1]), out var start))
        {
            return null;
        }

        return reader.FleetWindows(start, start + 1).FirstOrDefault();
    }

    private List<GpuStatus> Gpus(FleetWindow fleet)
    {
        var dominant = WindowFacts.DominantStates([.. reader.GpuStates(fleet.WindowStart, fleet.WindowStart + 1)]);
        return [.. reader.GpuWindows(fleet.WindowStart, fleet.WindowStart + 1).Select(g => new GpuStatus(
            g.Node, g.GpuIndex, g.GpuUuid, g.GpuModel, dominant.GetValueOrDefault((g.GpuUuid, g.MigInstance)), g.JobId, g.GpuUtilMean, g.PowerMean,
            g.GpuTempMax, g.MemoryTempMax, Time(g.WindowStart)))];
    }

    private static (long From, long To) Millis(TimeRange range) => (range.From.ToUnixTimeMilliseconds(), range.To.ToUnixTimeMilliseconds());

    private static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
