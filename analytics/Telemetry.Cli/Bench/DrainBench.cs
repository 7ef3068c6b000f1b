using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Backlog drain: agents pre-fill the samples topic on the embedded broker; then one aggregator instance consumes it
/// all, reduces it into windows and writes them to the ledger, timed from its partition assignment to its last window
/// written. Baseline: the C consumer moving the same number of messages of the same size through the same mock.
/// </summary>
internal static class DrainBench
{
    public static async Task<BenchFigure> RunAsync(BenchFleet fleet, int ticks, int partitions, string compression, CBaseline? baseline, string? missing, CancellationToken cancellationToken)
    {
        var payloads = Enumerable.Range(0, ticks / BenchFleet.TicksPerMessage)
            .Select(t => fleet.Payloads(t * BenchFleet.TicksPerMessage, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage)).ToList();
        var messages = payloads.Sum(p => (long)p.Count);
        var meanBytes = (int)(payloads.Sum(p => p.Sum(m => (long)m.Length)) / messages);
        using var cluster = new BenchCluster(partitions, fleet.Nodes, compression);
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
        var aggregated = consumer.Counters.Aggregated;
        var ours = aggregated / seconds;
        var note = $"{messages:N0} messages of {BenchFleet.RowsPerMessage} samples ({meanBytes:N0} bytes mean, {compression}, linger {cluster.Kafka.LingerMs} ms) over {partitions} partitions; " +
            $"{aggregated:N0} of {cluster.RowsSent:N0} samples aggregated";
        double? c = null;
        if (baseline is not null)
        {
            var result = baseline.Run(messages, cluster.Kafka.LingerMs, compression, meanBytes, partitions);
            c = result.EndToEndPerSecond * BenchFleet.RowsPerMessage;
            note += $"; C consumer got {result.Received:N0}/{result.Sent:N0} messages while they were produced (it has no pre-fill mode)";
        }
        else
        {
            note += "; C baseline not run: " + missing;
        }

        return new BenchFigure(compression == "lz4" ? "backlog_drain" : $"backlog_drain_{compression}", $"Backlog drain, one aggregator, {compression}", "samples/s", ours, "C librdkafka consumer, same messages × rows per message", c,
            "ratio ≥ 0.5", c is { } v ? ours / v >= 0.5 : null, note)
        { Gpus = fleet.Gpus };
    }
}
