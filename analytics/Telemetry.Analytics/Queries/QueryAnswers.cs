using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Queries;

/// <summary>The parts of every answer both stores share: checks, ordering and the figures derived from rows.</summary>
internal static class QueryAnswers
{
    /// <summary>The most rows a top-N answer returns.</summary>
    public const int LargestLimit = 1000;

    /// <summary>The most teams one query may be narrowed to.</summary>
    public const int LargestTeamFilter = 1000;

    /// <summary>The state names a GPU filter accepts.</summary>
    public static readonly IReadOnlyList<string> States =
        [.. Enum.GetValues<GpuState>().Select(StateNames.Of)];

    public static void Check(GpuFilter filter)
    {
        if (filter.State is { } state && !States.Contains(state, StringComparer.Ordinal))
        {
            throw new InvalidQueryException($"state must be one of {string.Join(", ", States)} (got '{InfluxQlPrintable(state)}').", "state");
        }

        if (filter.Node is { } node)
        {
            InfluxQl.CheckValue(node, "node");
        }

        if (filter.Model is { } model)
        {
            InfluxQl.CheckValue(model, "model");
        }
    }

    public static void CheckLimit(int limit)
    {
        if (limit is < 1 or > LargestLimit)
        {
            throw new InvalidQueryException($"limit must be between 1 and {LargestLimit} (got {limit}).", "limit");
        }
    }

    /// <summary>Checks a team filter and returns it as a set.</summary>
    public static HashSet<string> CheckTeams(IReadOnlyCollection<string> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        if (teams.Count > LargestTeamFilter)
        {
            throw new InvalidQueryException($"teams may name at most {LargestTeamFilter} teams (got {teams.Count}).", "teams");
        }

        foreach (var team in teams)
        {
            InfluxQl.CheckValue(team, "teams");
        }

        return new HashSet<string>(teams, StringComparer.Ordinal);
    }

    public static string TagOf(GroupBy by) => by switch
    {
        GroupBy.Team => "team",
        GroupBy.Job => "job",
        GroupBy.Model => "model",
        GroupBy.Site => "site",
        _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Group by team, job, model or site."),
    };

    public static string KeyOrUnknown(string? key) => string.IsNullOrEmpty(key) ? "unknown" : key;

    public static FleetSummary Summary(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<GpuStatus> gpus, double energyJoules, double seconds, double? cost)
    {
        var utilization = gpus.Where(g => g.UtilizationMean is not null).OrderBy(g => g.Node, StringComparer.Ordinal).ThenBy(g => g.GpuIndex).ThenBy(g => g.GpuUuid, StringComparer.Ordinal)
            .Select(g => g.UtilizationMean!.Value).ToList();
        return new FleetSummary(
            start,
            end,
            gpus.Count,
            Count(gpus.Select(g => g.State ?? "unknown")),
            Count(gpus.Select(g => g.Model)),
            seconds > 0 ? energyJoules / seconds : 0,
            utilization.Count > 0 ? utilization.Sum() / utilization.Count : null,
            energyJoules,
            cost is { } c && seconds > 0 ? c * 3600 / seconds : null);
    }

    public static IReadOnlyList<GpuStatus> Filter(IEnumerable<GpuStatus> gpus, GpuFilter filter) =>
        [.. gpus.Where(g => (filter.Node is null || g.Node == filter.Node) && (filter.Model is null || g.Model == filter.Model) && (filter.State is null || g.State == filter.State))
            .OrderBy(g => g.Node, StringComparer.Ordinal).ThenBy(g => g.GpuIndex).ThenBy(g => g.GpuUuid, StringComparer.Ordinal)];

    /// <summary>
    /// One job's efficiency from its rows: a window's rows from several aggregator instances (each the part of the job
    /// on its nodes) are added up in the order given, into one point per window.
    /// </summary>
    public static JobEfficiency Job(string jobId, string team, string user, string? model, string? currency, IReadOnlyList<(JobPoint Point, double Busy)> series)
    {
        var ordered = series.GroupBy(p => p.Point.WindowStart).OrderBy(w => w.Key).Select(Merge).ToList();
        var costs = ordered.Select(p => p.Point.Cost).ToList();
        return new JobEfficiency(
            jobId, team, user, model, currency,
            ordered.Sum(p => p.Point.GpuSeconds),
            ordered.Sum(p => p.Busy),
            ordered.Sum(p => p.Point.EnergyJoules),
            ordered.Sum(p => p.Point.Tflop),
            ordered.Sum(p => p.Point.Tokens),
            costs.All(c => c is not null) ? costs.Sum() : null,
            [.. ordered.Select(p => p.Point)]);
    }

    public static IReadOnlyList<GroupEnergy> Order(IEnumerable<GroupEnergy> groups) =>
        [.. groups.OrderByDescending(g => g.EnergyJoules).ThenBy(g => g.Key, StringComparer.Ordinal).ThenBy(g => g.Currency, StringComparer.Ordinal)];

    public static IReadOnlyList<WasteEntry> Top(IEnumerable<WasteEntry> entries, int limit) =>
        [.. entries.OrderByDescending(e => e.Cost).ThenByDescending(e => e.EnergyJoules).ThenBy(e => e.Class, StringComparer.Ordinal)
            .ThenBy(e => e.Team, StringComparer.Ordinal).ThenBy(e => e.Model, StringComparer.Ordinal).ThenBy(e => e.Currency, StringComparer.Ordinal).Take(limit)];

    private static (JobPoint Point, double Busy) Merge(IEnumerable<(JobPoint Point, double Busy)> parts)
    {
        JobPoint? point = null;
        double busy = 0;
        foreach (var (part, partBusy) in parts)
        {
            point = point is null ? part : point with
            {
                Gpus = point.Gpus + part.Gpus,
                GpuSeconds = point.GpuSeconds + part.GpuSeconds,
                EnergyJoules = point.EnergyJoules + part.EnergyJoules,
                Tflop = point.Tflop + part.Tflop,
                Tokens = point.Tokens + part.Tokens,
                Cost = point.Cost + part.Cost,
            };
            busy += partBusy;
        }

        return (point!, busy);
    }

    private static Dictionary<string, int> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string InfluxQlPrintable(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
