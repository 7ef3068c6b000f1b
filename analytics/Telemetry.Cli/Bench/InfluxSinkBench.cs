using System.Diagnostics;
using System.Globalization;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The InfluxDB sink against a real server: closed windows of a synthetic fleet written through the real
/// <see cref="InfluxWindowSink"/>, in points per second, at several batch sizes with and without gzip; beside each, the
/// same points already rendered as line protocol, POSTed to the same write endpoint with a plain HTTP client. Every run
/// writes its own span of time, counted in the server afterwards, so that a lost point cannot count.
/// </summary>
internal static class InfluxSinkBench
{
    private const long MinuteMs = 60_000;
    private const int SpansTried = 12;
    private const string Goal = "every point written is in the server";
    private static readonly int[] BatchSizes = [500, 5000, 20_000];
    private static readonly InfluxOptions Defaults = new();

    /// <summary>The figures, the sink's defaults first; one saying why when there is no server or the run failed.</summary>
    public static async Task<IReadOnlyList<BenchFigure>> RunAsync(InfluxBenchServer? server, PipelineBenchScale scale, long start, Action<string> progress, CancellationToken cancellationToken)
    {
        if (server is null)
        {
            progress("not run: no --influx-url");
            return [NotRun("no --influx-url given")];
        }

        try
        {
            return await MeasureAsync(server, scale, start, progress, cancellationToken).ConfigureAwait(false);
        }
        // A request that timed out is cancelled too, but not by the caller.
        catch (Exception e) when (e is InfluxUnavailableException or HttpRequestException or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [NotRun($"failed against {server.Url}: {e.Message}")];
        }
    }

    private static async Task<IReadOnlyList<BenchFigure>> MeasureAsync(InfluxBenchServer server, PipelineBenchScale scale, long start, Action<string> progress, CancellationToken cancellationToken)
    {
        var (gpus, rounds) = Size(scale);
        progress($"{gpus:N0} GPUs: reducing a minute into a window");
        var windows = BenchWindows.Reduce(new BenchFleet(gpus, start), minutes: 1);
        var cost = CostModel.Default();
        var pipeline = new PipelineSnapshot("bench", Aggregated: gpus * 60L, Late: 0, Invalid: 0, Lag: 0, WindowsWritten: 0);
        progress("building the points alone");
        var (points, building) = BuildRate(windows, pipeline, cost, scale.AtLeast);

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var influxQl = new InfluxQlClient(http, server.BaseUri, server.Bucket, server.Token);
        var plan = Plan(rounds);
        progress("finding a span of time the bucket holds nothing in");
        if (await EmptySpanAsync(influxQl, start, plan.Count * MinuteMs, cancellationToken).ConfigureAwait(false) is not { } span)
        {
            return [NotRun($"bucket {server.Bucket} holds points in each of the {SpansTried} spans of {plan.Count} minutes tried; give an empty one")];
        }

        var writer = new InfluxBenchWriter(server, http, cost, pipeline);
        List<ClosedWindow> WindowsOf(int run) => [.. windows.Select(w => BenchWindows.Shift(w, span - start + (run * MinuteMs)))];

        // The first run would meet a server that has yet to create the series, its shard and a connection: the baseline
        // writes that run's points first, at its fastest, and the run then writes them again (the same series and times,
        // so they count once).
        progress("warming up");
        await writer.WriteAsync(false, BatchSizes[^1], true, WindowsOf(0), cancellationToken).ConfigureAwait(false);

        var runs = new List<InfluxWriteRun>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (ours, batchSize, gzip) = plan[i];
            progress($"{(ours ? "ours" : "baseline")}, {batchSize:N0} points a request, {Encoding(gzip)} ({(i / (plan.Count / rounds)) + 1} of {rounds})");
            var run = await writer.WriteAsync(ours, batchSize, gzip, WindowsOf(i), cancellationToken).ConfigureAwait(false);
            var from = span + (i * MinuteMs);
            runs.Add(run with { Held = await InfluxPointCount.BetweenAsync(influxQl, from, from + MinuteMs, cancellationToken).ConfigureAwait(false) });
        }

        var shape = $"a window of {gpus:N0} GPUs ({points:N0} points) written {rounds} time(s) by each; building and rendering the points alone: {building:N0} points/s";
        return [.. runs.GroupBy(r => (r.BatchSize, r.Gzip))
            .OrderBy(g => g.Key != (Defaults.BatchSize, Defaults.Gzip))
            .Select(g => Figure(InfluxWriteRun.Total([.. g.Where(r => r.Ours)]), InfluxWriteRun.Total([.. g.Where(r => !r.Ours)]), gpus, shape))];
    }

    // A window of several thousand points or more, so that a request of 20,000 takes it whole while smaller ones split
    // it, as at fleet scale; rounds, because the server's pace moves with its compactions and the machine's load. Tiny
    // only checks that the figures come out.
    private static (int Gpus, int Rounds) Size(PipelineBenchScale scale) => scale.Name switch
    {
        "tiny" => (64, 2),
        "quick" => (5_120, 3),
        _ => (20_480, 2),
    };

    // Every batch size and encoding once a round; ours and the baseline take turns at going first, so that neither
    // always meets the server fuller.
    private static List<(bool Ours, int BatchSize, bool Gzip)> Plan(int rounds)
    {
        var plan = new List<(bool Ours, int BatchSize, bool Gzip)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var batchSize in BatchSizes)
            {
                foreach (var gzip in (bool[])[true, false])
                {
                    var oursFirst = plan.Count % 4 == round % 2 * 2;
                    plan.Add((oursFirst, batchSize, gzip));
                    plan.Add((!oursFirst, batchSize, gzip));
                }
            }
        }

        return plan;
    }

    // Our part of a write without the wire: points built and rendered as the client sends them, after a pass that
    // warms that code.
    private static (long Points, double PerSecond) BuildRate(List<ClosedWindow> windows, PipelineSnapshot pipeline, CostModel cost, TimeSpan atLeast)
    {
        var builder = new InfluxPoints(cost);
        long Pass()
        {
            var points = 0L;
            foreach (var window in windows)
            {
                foreach (var point in builder.Build(window, pipeline).Points)
                {
                    Rendered = point.ToLineProtocol();
                    points++;
                }
            }

            return points;
        }

        var points = Pass();
        var passes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            Pass();
            passes++;
        }
        while (clock.Elapsed < atLeast);

        return (points, passes * points / clock.Elapsed.TotalSeconds);
    }

    // The newest span of this length, ending at the fleet's start or earlier, that holds no point yet.
    private static async Task<long?> EmptySpanAsync(InfluxQlClient influxQl, long start, long length, CancellationToken cancellationToken)
    {
        for (var tried = 0; tried < SpansTried; tried++)
        {
            var from = start - (tried * length);
            if (await InfluxPointCount.BetweenAsync(influxQl, from, from + length, cancellationToken).ConfigureAwait(false) == 0)
            {
                return from;
            }
        }

        return null;
    }

    private static BenchFigure Figure(InfluxWriteRun ours, InfluxWriteRun baseline, int gpus, string shape)
    {
        var all = ours.Held == ours.Points && baseline.Held == baseline.Points;
        var trouble = ours.Retries + ours.DeadLettered > 0 ? $"; {ours.Retries:N0} requests retried, {ours.DeadLettered:N0} points dead-lettered" : "";
        var note = string.Create(CultureInfo.InvariantCulture,
            $"{ours.Points:N0} points written, {ours.Held:N0} in the server, in {ours.Requests:N0} requests (baseline: {baseline.Points:N0} written, {baseline.Held:N0} in the server; {(double)baseline.Bytes / baseline.Points:N0} bytes a point as sent); {shape}{trouble}");
        return new BenchFigure(Key(ours.BatchSize, ours.Gzip), What(ours.BatchSize, ours.Gzip), "points/s", ours.PointsPerSecond, Baseline(ours.Gzip), baseline.PointsPerSecond, Goal, all, note)
        { Gpus = gpus };
    }

    private static BenchFigure NotRun(string reason) =>
        new(Key(Defaults.BatchSize, Defaults.Gzip), What(Defaults.BatchSize, Defaults.Gzip), "points/s", 0, Baseline(Defaults.Gzip), null, Goal, null, "not run: " + reason);

    private static string Key(int batchSize, bool gzip) =>
        (batchSize, gzip) == (Defaults.BatchSize, Defaults.Gzip) ? "influx_sink" : string.Create(CultureInfo.InvariantCulture, $"influx_sink_{batchSize}{(gzip ? "" : "_plain")}");

    private static string What(int batchSize, bool gzip) => $"InfluxDB sink to a real server, {batchSize:N0} points a request, {Encoding(gzip)}";

    private static string Encoding(bool gzip) => gzip ? "gzip" : "uncompressed";

    private static string Baseline(bool gzip) => $"plain HttpClient POST of the same points, rendered{(gzip ? " and gzipped" : "")} before the clock";

    /// <summary>Keeps the rendered lines observable, so that the JIT cannot drop the work.</summary>
    private static string? Rendered { get; set; }
}
