using System.Globalization;
using System.Text.Json;
using Telemetry.Analytics.Influx;
using static Telemetry.Analytics.Queries.InfluxQl;

namespace Telemetry.Analytics.Queries;

/// <summary>The API's questions answered by InfluxQL over what <see cref="InfluxWindowSink"/> wrote.</summary>
public sealed class InfluxQueryStore : ITelemetryQueries
{
    private readonly InfluxQlClient _client;

    /// <summary>Creates the store over a server the sink writes to.</summary>
    /// <param name="http">The HTTP client (its timeout bounds every query).</param>
    /// <param name="options">The sink's settings: URL, token, bucket (database/retention-policy for 1.x).</param>
    public InfluxQueryStore(HttpClient http, InfluxOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var url = options.Url.EndsWith('/') ? options.Url : options.Url + "/";
        _client = new InfluxQlClient(http, new Uri(url), options.Bucket, options.Token);
    }

    /// <inheritdoc />
    public async Task<FleetSummary?> FleetSummaryAsync(CancellationToken cancellationToken)
    {
        if (await LatestFleetAsync(cancellationToken).ConfigureAwait(false) is not { } start)
        {
            return null;
        }

        // One row per aggregator instance, each the part of the fleet on its nodes, added up in the instances' order.
        var query = $"SELECT * FROM {Identifier(InfluxSchema.FleetWindow.Name)} WHERE time = {Time(start)}";
        var parts = (await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            .SelectMany(s => s.Rows.Select(row => (Instance: Text(row, s, "instance") ?? "", Seconds: Number(row, s, "window_s"), Energy: Number(row, s, "energy_j") ?? 0,
                Cost: (Number(row, s, "cost"), Text(row, s, "currency")))))
            .OrderBy(p => p.Instance, StringComparer.Ordinal)
            .ToList();
        var seconds = parts.Select(p => p.Seconds).FirstOrDefault(s => s is not null) ?? 60;
        var gpus = await GpuRowsAsync(start, "", cancellationToken).ConfigureAwait(false);
        return QueryAnswers.Summary(
            start, start.AddSeconds(seconds), gpus, parts.Sum(p => p.Energy), seconds, WindowFacts.FleetCostOfParts(parts.Select(p => p.Cost)).Cost);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GpuStatus>> GpusAsync(GpuFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        QueryAnswers.Check(filter);
        var fleet = await LatestFleetAsync(cancellationToken).ConfigureAwait(false);
        if (fleet is null)
        {
            return [];
        }

        var where = (filter.Node is null ? "" : $" AND {Identifier("node")} = {Literal(filter.Node, "node")}")
            + (filter.Model is null ? "" : $" AND {Identifier("model")} = {Literal(filter.Model, "model")}")
            + (filter.State is null ? "" : $" AND {Identifier("state")} = {Literal(filter.State, "state")}");
        var rows = await GpuRowsAsync(fleet.Value, where, cancellationToken).ConfigureAwait(false);
        return QueryAnswers.Filter(rows, filter);
    }

    /// <inheritdoc />
    public async Task<JobEfficiency?> JobAsync(string jobId, TimeRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        var query = $"SELECT * FROM {Identifier(InfluxSchema.JobWindow.Name)} WHERE {Identifier("job")} = {Literal(jobId, "job")} AND time >= {Time(range.From)} AND time < {Time(range.To)}";
        var rows = new List<(DateTimeOffset Start, string Instance, string Team, string User, string? Model, string? Currency, JobPoint Point, double Busy)>();
        foreach (var s in await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in s.Rows)
            {
                var start = Stamp(row, s, "time");
                rows.Add((start, Text(row, s, "instance") ?? "", Text(row, s, "team") ?? "", Text(row, s, "user") ?? "", Text(row, s, "model"), Text(row, s, "currency"),
                    new JobPoint(start, (int)(Whole(row, s, "gpus") ?? 0), Number(row, s, "gpu_seconds") ?? 0, Number(row, s, "energy_j") ?? 0,
                        Number(row, s, "tflop") ?? 0, Whole(row, s, "tokens") ?? 0, Number(row, s, "cost")),
                    Number(row, s, "busy_gpu_seconds") ?? 0));
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        // A window's rows from several aggregator instances are merged in the instances' order, as the ledger's files are.
        rows = [.. rows.OrderBy(r => r.Start).ThenBy(r => r.Instance, StringComparer.Ordinal)];
        var last = rows[^1];
        return QueryAnswers.Job(jobId, last.Team, last.User, last.Model, last.Currency, [.. rows.Select(r => (r.Point, r.Busy))]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, CancellationToken cancellationToken) =>
        QueryEnergyAsync(by, range, "", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<GroupEnergy>> EnergyByAsync(GroupBy by, TimeRange range, IReadOnlyCollection<string> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        var clause = TeamClause(QueryAnswers.CheckTeams(teams));
        return clause is null ? [] : await QueryEnergyAsync(by, range, clause, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, CancellationToken cancellationToken) =>
        QueryWasteAsync(range, limit, "", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<WasteEntry>> TopWasteAsync(TimeRange range, int limit, IReadOnlyCollection<string> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        QueryAnswers.CheckLimit(limit);
        var clause = TeamClause(QueryAnswers.CheckTeams(teams));
        return clause is null ? [] : await QueryWasteAsync(range, limit, clause, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The condition that keeps the rows of these teams (each value a quoted literal); null for no team at all.</summary>
    private static string? TeamClause(HashSet<string> teams) => teams.Count == 0
        ? null
        : " AND (" + string.Join(" OR ", teams.Order(StringComparer.Ordinal).Select(t => $"{Identifier("team")} = {Literal(t, "teams")}")) + ")";

    private async Task<IReadOnlyList<GroupEnergy>> QueryEnergyAsync(GroupBy by, TimeRange range, string teamClause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        var tag = QueryAnswers.TagOf(by);
        var query = $"SELECT sum({Identifier("energy_j")}) AS {Identifier("energy_j")}, sum({Identifier("gpu_seconds")}) AS {Identifier("gpu_seconds")}, " +
            $"sum({Identifier("tokens")}) AS {Identifier("tokens")}, sum({Identifier("cost")}) AS {Identifier("cost")} FROM {Identifier(InfluxSchema.JobWindow.Name)} " +
            $"WHERE time >= {Time(range.From)} AND time < {Time(range.To)}{teamClause} GROUP BY {Identifier(tag)}, {Identifier("currency")}";
        var groups = new List<GroupEnergy>();
        foreach (var s in await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in s.Rows)
            {
                groups.Add(new GroupEnergy(QueryAnswers.KeyOrUnknown(s.Tags.GetValueOrDefault(tag)), s.Tags.GetValueOrDefault("currency") ?? "",
                    Number(row, s, "energy_j") ?? 0, Number(row, s, "gpu_seconds") ?? 0, Whole(row, s, "tokens") ?? 0, Number(row, s, "cost") ?? 0));
            }
        }

        return QueryAnswers.Order(groups);
    }

    private async Task<IReadOnlyList<WasteEntry>> QueryWasteAsync(TimeRange range, int limit, string teamClause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        range.Validate();
        QueryAnswers.CheckLimit(limit);
        var query = $"SELECT sum({Identifier("gpu_seconds")}) AS {Identifier("gpu_seconds")}, sum({Identifier("energy_j")}) AS {Identifier("energy_j")}, " +
            $"sum({Identifier("cost")}) AS {Identifier("cost")} FROM {Identifier(InfluxSchema.Waste.Name)} WHERE time >= {Time(range.From)} AND time < {Time(range.To)}{teamClause} " +
            $"GROUP BY {Identifier("class")}, {Identifier("team")}, {Identifier("model")}, {Identifier("currency")}";
        var entries = new List<WasteEntry>();
        foreach (var s in await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in s.Rows)
            {
                entries.Add(new WasteEntry(s.Tags.GetValueOrDefault("class") ?? "", s.Tags.GetValueOrDefault("team") ?? "", QueryAnswers.KeyOrUnknown(s.Tags.GetValueOrDefault("model")),
                    s.Tags.GetValueOrDefault("currency") ?? "", Number(row, s, "gpu_seconds") ?? 0, Number(row, s, "energy_j") ?? 0, Number(row, s, "cost") ?? 0));
            }
        }

        return QueryAnswers.Top(entries, limit);
    }

    /// <summary>The start of the latest window any aggregator instance wrote, or null.</summary>
    private async Task<DateTimeOffset?> LatestFleetAsync(CancellationToken cancellationToken)
    {
        var series = await _client.QueryAsync($"SELECT * FROM {Identifier(InfluxSchema.FleetWindow.Name)} ORDER BY time DESC LIMIT 1", cancellationToken).ConfigureAwait(false);
        return series.FirstOrDefault(s => s.Rows.Count > 0) is { } s ? Stamp(s.Rows[0], s, "time") : null;
    }

    private async Task<List<GpuStatus>> GpuRowsAsync(DateTimeOffset start, string where, CancellationToken cancellationToken)
    {
        var query = $"SELECT * FROM {Identifier(InfluxSchema.GpuWindow.Name)} WHERE time = {Time(start)}{where}";
        var gpus = new List<GpuStatus>();
        foreach (var s in await _client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in s.Rows)
            {
                gpus.Add(new GpuStatus(
                    Text(row, s, "node") ?? "", int.Parse(Text(row, s, "gpu") ?? "0", CultureInfo.InvariantCulture), Text(row, s, "uuid") ?? "", Text(row, s, "model") ?? "",
                    Text(row, s, "state"), Text(row, s, "job_id"), Number(row, s, "util_mean"), Number(row, s, "power_mean_w"),
                    Number(row, s, "gpu_temp_max_c"), Number(row, s, "mem_temp_max_c"), start));
            }
        }

        return gpus;
    }

    private static JsonElement? Cell(JsonElement[] row, InfluxSeries series, string column)
    {
        var i = series.Column(column);
        return i < 0 || i >= row.Length || row[i].ValueKind == JsonValueKind.Null ? null : row[i];
    }

    private static double? Number(JsonElement[] row, InfluxSeries series, string column) => Cell(row, series, column)?.GetDouble();

    private static long? Whole(JsonElement[] row, InfluxSeries series, string column) =>
        Cell(row, series, column) is { } v ? (v.TryGetInt64(out var whole) ? whole : (long)v.GetDouble()) : null;

    private static string? Text(JsonElement[] row, InfluxSeries series, string column) =>
        Cell(row, series, column) is { } v ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    private static DateTimeOffset Stamp(JsonElement[] row, InfluxSeries series, string column) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Cell(row, series, column)!.Value.GetInt64());
}
