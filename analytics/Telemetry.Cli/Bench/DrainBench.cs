using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Backlog drain: agents pre-fill the samples topic on the embedded broker; then one aggregator instance consumes it
/// all, reduces it into windows and writes them to the ledger, timed from its partition assignment to its last window
/// written. Baseline: the C consumer moving the same number of messages of the same size through the same mock. Each
/// side runs three times and the medians are compared.
/// </summary>
internal static class DrainBench
{
    public static async Task<BenchFigure> RunAsync(BenchFleet fleet, int ticks, int partitions, string compression, CBaseline? baseline, string? missing, CancellationToken cancellationToken)
    {
        var payloads = Enumerable.Range(0, ticks / BenchFleet.TicksPerMessage)
            .Select(t => fleet.Payloads(t * BenchFleet.TicksPerMessage, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage)).ToList();
        var messages = payloads.Sum(p => (long)p.Count);
        var meanBytes = (int)(payloads.Sum(p => p.Sum(m => (long)m.Length)) / messages);

        // A drain lasts about a second here, so a single one is at the mercy of the shared machine: each side runs
        // three times, and the medians are compared.
        var drains = new List<(double PerSecond, long Aggregated, long Sent, int LingerMs)>();
        for (var run = 0; run < Runs; run++)
        {
            drains.Add(await DrainOnceAsync(payloads, messages, fleet.Nodes, partitions, compression, cancellationToken).ConfigureAwait(false));
        }

        var ours = Median(drains.Select(d => d.PerSecond));
        var lingerMs = drains[0].LingerMs;
        var note = $"{messages:N0} messages of {BenchFleet.RowsPerMessage} samples ({meanBytes:N0} bytes mean, {compression}, linger {lingerMs} ms) over {partitions} partitions; " +
            $"median of {Runs} drains ({string.Join(", ", drains.Select(d => $"{d.PerSecond:N0}"))} samples/s), each aggregating {string.Join(", ", drains.Select(d => $"{d.Aggregated:N0} of {d.Sent:N0}"))} samples";
        double? c = null;
        if (baseline is not null)
        {
            var results = Enumerable.Range(0, Runs).Select(_ => baseline.Run(messages, lingerMs, compression, meanBytes, partitions)).ToList();
            c = Median(results.Select(r => r.EndToEndPerSecond * BenchFleet.RowsPerMessage));
            note += $"; C consumer, median of {Runs} ({string.Join(", ", results.Select(r => $"{r.EndToEndPerSecond * BenchFleet.RowsPerMessage:N0}"))} samples/s), got " +
                string.Join(", ", results.Select(r => $"{r.Received:N0}/{r.Sent:N0}")) + " messages while they were produced (it has no pre-fill mode)";
        }
        else
        {
            note += "; C baseline not run: " + missing;
        }

        return new BenchFigure(compression == "lz4" ? "backlog_drain" : $"backlog_drain_{compression}", $"Backlog drain, one aggregator, {compression}", "samples/s", ours, "C librdkafka consumer, same messages × rows per message", c,
            "ratio ≥ 0.5", c is { } v ? ours / v >= 0.5 : null, note)
        { Gpus = fleet.Gpus };
    }

    private const int Runs = 3;

    // Agents pre-fill the topic; one aggregator drains it, timed from its partition assignment to its last window written.
    private static async Task<(double PerSecond, long Aggregated, long Sent, int LingerMs)> DrainOnceAsync(
        List<List<byte[]>> payloads, long messages, int nodes, int partitions, string compression, CancellationToken cancellationToken)
    {
        using var cluster = new BenchCluster(partitions, nodes, compression);
        foreach (var tick in payloads)
        {
            for (var node = 0; node < tick.Count; node++)
            {
                cluster.Publish(node, tick[node], BenchFleet.RowsPerMessage);
            }
        }

        cluster.Flush();
        using var consumer = cluster.Aggregator();
        var run = consumer.RunAsync(() => consumer.Messages.Consumed >= messages, cancellationToken);
        await consumer.Assigned.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await run.ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return (consumer.Counters.Aggregated / seconds, consumer.Counters.Aggregated, cluster.RowsSent, cluster.Kafka.LingerMs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
