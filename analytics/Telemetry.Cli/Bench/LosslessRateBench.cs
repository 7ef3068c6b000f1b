using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Lossless end-to-end rate: agents send a fleet's samples at a fixed offered rate through Confluent.Kafka and the
/// embedded broker while one aggregator consumes, reduces and writes windows to the ledger; a rate holds when every
/// sample sent is aggregated and the agents kept up the rate. Rates rise until one does not hold; the highest that held
/// is the figure. The agents' encoding is done before the clock starts (it runs on the GPU nodes). Baseline: the C
/// producer and consumer moving messages of the same size through the same mock at full speed, as many as the highest
/// rate that held sent, halved until nothing is lost there.
/// </summary>
internal static class LosslessRateBench
{
    public static async Task<(BenchFigure Figure, List<LosslessStep> Steps)> RunAsync(
        BenchFleet fleet, IReadOnlyList<int> rates, TimeSpan each, int partitions, int ticksPerMessage, CBaseline? baseline, string? missing, Action<string> progress, CancellationToken cancellationToken)
    {
        var steps = new List<LosslessStep>();
        var rowsPerMessage = BenchFleet.GpusPerNode * ticksPerMessage;
        LosslessStep? best = null;
        foreach (var rate in rates)
        {
            progress($"offering {rate:N0} samples/s in messages of {rowsPerMessage} rows");
            var step = await OfferAsync(fleet, rate, each, partitions, ticksPerMessage, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
            if (!step.Held)
            {
                break;
            }

            best = step;
        }

        var held = best?.Delivered ?? 0;
        var note = $"messages of {rowsPerMessage} samples, {steps[0].MeanBytes:N0} bytes; " + string.Join("; ", steps.Select(s => $"{s.Offered:N0}/s offered: {s.Delivered:N0}/s sent, {s.Aggregated:N0} of {s.Sent:N0} aggregated{(s.Held ? "" : " (not held)")}"));
        double? c = null;
        if (baseline is not null)
        {
            var (result, tries) = LosslessBaseline(baseline, best ?? steps[0], partitions);
            c = result.Lossless ? result.EndToEndPerSecond * rowsPerMessage : null;
            note += $"; C at full speed: {tries}" + (result.Lossless ? $"; lossless at {result.Sent:N0} messages" : "; lossy at every count: no lossless rate");
        }
        else
        {
            note += "; C baseline not run: " + missing;
        }

        var figure = new BenchFigure(
            ticksPerMessage == BenchFleet.TicksPerMessage ? "lossless_rate" : $"lossless_rate_{rowsPerMessage}_rows",
            $"Lossless end-to-end rate, agents to ledger, {BenchFleet.GpusPerNode} GPUs × {ticksPerMessage} s per message",
            "samples/s", held, "C librdkafka producer and consumer at full speed, lossless msg/s × rows per message", c,
            "≥ 1,000,000 samples/s and ratio ≥ 0.5", c is { } v ? held >= 1_000_000 && held / v >= 0.5 : held >= 1_000_000 ? null : false, note)
        { Gpus = fleet.Gpus };
        return (figure, steps);
    }

    // The C program cannot pace its producer: it sends at full speed, and where its consumer falls behind, the mock
    // drops messages. Its lossless rate is taken at full speed with as many messages as the highest rate that held (or
    // the lowest offered), halved until nothing is lost; a smaller count weighs its start-up more.
    private static (CBaselineResult Result, string Tries) LosslessBaseline(CBaseline baseline, LosslessStep same, int partitions)
    {
        var tries = new List<string>();
        for (var count = same.Messages; ; count /= 2)
        {
            var result = baseline.Run(count, 20, "lz4", same.MeanBytes, partitions);
            tries.Add($"{result.Received:N0}/{result.Sent:N0} messages, {result.EndToEndPerSecond:N0} msg/s end to end");
            if (result.Lossless || count < 2_000)
            {
                return (result, string.Join(", ", tries));
            }
        }
    }

    private static async Task<LosslessStep> OfferAsync(BenchFleet fleet, int rate, TimeSpan each, int partitions, int ticksPerMessage, CancellationToken cancellationToken)
    {
        var messageTicks = (int)Math.Max(2, Math.Ceiling(rate * each.TotalSeconds / fleet.Gpus / ticksPerMessage));
        var payloads = Enumerable.Range(0, messageTicks).Select(t => fleet.Payloads(t * ticksPerMessage, BenchFleet.GpusPerNode, ticksPerMessage)).ToList();
        var messages = payloads.Sum(p => (long)p.Count);
        var meanBytes = (int)(payloads.Sum(p => p.Sum(m => (long)m.Length)) / messages);
        using var cluster = new BenchCluster(partitions, fleet.Nodes);
        using var consumer = cluster.Aggregator();
        var produced = false;
        var lastConsumed = 0L;
        var quiet = Stopwatch.StartNew();
        bool Finished()
        {
            if (!produced)
            {
                return false;
            }

            if (consumer.Messages.Consumed != lastConsumed)
            {
                lastConsumed = consumer.Messages.Consumed;
                quiet.Restart();
            }

            return lastConsumed >= cluster.MessagesDelivered || quiet.Elapsed > TimeSpan.FromSeconds(10);
        }

        var run = consumer.RunAsync(Finished, cancellationToken);
        await consumer.Assigned.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        var seconds = await Task.Run(() => Send(cluster, payloads, rate, BenchFleet.GpusPerNode * ticksPerMessage), cancellationToken).ConfigureAwait(false);
        produced = true;
        await run.ConfigureAwait(false);
        var sent = cluster.RowsSent;
        var delivered = sent / seconds;
        var aggregated = consumer.Counters.Aggregated;
        return new LosslessStep(rate, delivered, sent, aggregated, aggregated == sent && delivered >= 0.9 * rate, messages, meanBytes, BenchFleet.GpusPerNode * ticksPerMessage);
    }

    // Paced in slices of a millisecond; returns the seconds from the first message to the last one acknowledged.
    private static double Send(BenchCluster cluster, List<List<byte[]>> payloads, int rate, int rowsPerMessage)
    {
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        foreach (var tick in payloads)
        {
            for (var node = 0; node < tick.Count; node++)
            {
                while (rows > rate * clock.Elapsed.TotalSeconds)
                {
                    Thread.Sleep(1);
                }

                cluster.Publish(node, tick[node], rowsPerMessage);
                rows += rowsPerMessage;
            }
        }

        cluster.Flush();
        return clock.Elapsed.TotalSeconds;
    }
}
