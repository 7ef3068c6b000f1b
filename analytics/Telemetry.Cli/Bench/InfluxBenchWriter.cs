using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Bench;

/// <summary>Writes windows to the benchmark's server, timed: through our sink, or as the baseline's plain requests.</summary>
internal sealed class InfluxBenchWriter(InfluxBenchServer server, HttpClient http, CostModel cost, PipelineSnapshot pipeline)
{
    // A server that refuses points leaves them here, with its reasons; nothing is written here when it takes them all.
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "telemetry-bench-influx-" + Environment.UserName);

    /// <summary>Checks that the server answers <c>/ping</c>, as the sink does before an aggregator starts.</summary>
    /// <exception cref="InfluxUnavailableException">It does not; the message names the URL.</exception>
    public static async Task CheckAsync(InfluxBenchServer server, CancellationToken cancellationToken)
    {
        using var sink = Sink(server, new InfluxOptions().BatchSize, gzip: true, CostModel.Default());
        await sink.CheckAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<InfluxWriteRun> WriteAsync(bool ours, int batchSize, bool gzip, IReadOnlyList<ClosedWindow> windows, CancellationToken cancellationToken) =>
        ours ? SinkAsync(batchSize, gzip, windows, cancellationToken) : BaselineAsync(batchSize, gzip, windows, cancellationToken);

    private async Task<InfluxWriteRun> SinkAsync(int batchSize, bool gzip, IReadOnlyList<ClosedWindow> windows, CancellationToken cancellationToken)
    {
        using var sink = Sink(server, batchSize, gzip, cost);
        var clock = Stopwatch.StartNew();
        foreach (var window in windows)
        {
            await sink.WriteAsync(window, pipeline, cancellationToken).ConfigureAwait(false);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var counters = sink.Counters;
        return new InfluxWriteRun(true, batchSize, gzip, counters.PointsWritten, counters.Batches, seconds, counters.Retries, counters.DeadLettered);
    }

    private async Task<InfluxWriteRun> BaselineAsync(int batchSize, bool gzip, IReadOnlyList<ClosedWindow> windows, CancellationToken cancellationToken)
    {
        var (bodies, points) = InfluxLineBaseline.Render(windows, pipeline, cost, batchSize, gzip);
        var clock = Stopwatch.StartNew();
        await new InfluxLineBaseline(server, http).PostAsync(bodies, gzip, cancellationToken).ConfigureAwait(false);
        return new InfluxWriteRun(false, batchSize, gzip, points, bodies.Count, clock.Elapsed.TotalSeconds, Bytes: bodies.Sum(b => (long)b.Length));
    }

    private static InfluxWindowSink Sink(InfluxBenchServer server, int batchSize, bool gzip, CostModel cost) => new(
        new InfluxOptions { Url = server.Url, Bucket = server.Bucket, Org = server.Org, Token = server.Token, BatchSize = batchSize, Gzip = gzip },
        cost, Scratch, NullLogger.Instance, TimeProvider.System);
}
