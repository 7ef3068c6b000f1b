using System.Diagnostics;
using Telemetry.Analytics.Consuming;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Lossless end-to-end rate: agents send a fleet's samples at a fixed offered rate through Confluent.Kafka and the
/// embedded broker while one aggregator consumes, reduces and writes windows to the ledger; a rate holds when every
/// sample sent is aggregated and the agents kept up the rate. Rates rise until one does not hold (or follow another
/// <see cref="LosslessRateSearch"/>); the highest that held is the figure. The agents' encoding is done before the
/// clock starts (it runs on the GPU nodes). Baseline: the C producer and consumer moving messages of the same size,
/// with the same codec and linger, through the same mock at full speed, as many as the highest rate that held sent,
/// halved until nothing is lost there.
/// </summary>
internal static class LosslessRateBench
{
    /// <summary>
    /// The agents' default producer with <paramref name="ticksPerMessage"/> seconds a message; rates rise until one does
    /// not hold, then two rates between the highest that held and the lowest that did not narrow the limit down.
    /// </summary>
    public static Task<(BenchFigure Figure, List<LosslessStep> Steps)> RunAsync(
        BenchFleet fleet, IReadOnlyList<int> rates, TimeSpan each, int partitions, int ticksPerMessage, CBaseline? baseline, string? missing, Action<string> progress, CancellationToken cancellationToken) =>
        RunAsync(fleet, LosslessRateSearch.RisingThenRefined(rates, refinements: 2), each, partitions, ProducerSetting.Default with { TicksPerMessage = ticksPerMessage }, null, baseline, missing, progress, cancellationToken);

    /// <summary>
    /// The same with any producer setting: offers the rates <paramref name="nextRate"/> picks, given the steps so far,
    /// until it picks none; the highest offered rate that held is the figure. With <paramref name="catchUp"/>, a rate
    /// holds only if the aggregator had also read every message within that time of the last one's acknowledgement:
    /// then the broker's buffer cannot carry a rate the aggregator does not keep up with.
    /// </summary>
    public static async Task<(BenchFigure Figure, List<LosslessStep> Steps)> RunAsync(
        BenchFleet fleet, Func<IReadOnlyList<LosslessStep>, int?> nextRate, TimeSpan each, int partitions, ProducerSetting setting, TimeSpan? catchUp,
        CBaseline? baseline, string? missing, Action<string> progress, CancellationToken cancellationToken)
    {
        var steps = new List<LosslessStep>();
        var rowsPerMessage = setting.RowsPerMessage;
        while (nextRate(steps) is { } rate)
        {
            progress($"offering {rate:N0} samples/s in messages of {rowsPerMessage} rows");
            steps.Add(await OfferAsync(fleet, rate, each, partitions, setting, catchUp, cancellationToken).ConfigureAwait(false));
        }

        var best = LosslessStep.HighestHeld(steps);
        var held = best?.Delivered ?? 0;
        var note = $"messages of {rowsPerMessage} samples, {steps[0].MeanBytes:N0} bytes, {setting.Compression}, linger {setting.LingerMs} ms, {LosslessStep.Representative(steps).WireBytesPerSample:N0} bytes a sample on the wire; " + string.Join("; ", steps.Select(Describe));
        double? c = null;
        if (baseline is not null)
        {
            var (result, tries) = LosslessBaseline(baseline, LosslessStep.Representative(steps), partitions, setting);
            c = result.Lossless ? result.EndToEndPerSecond * rowsPerMessage : null;
            note += $"; C at full speed: {tries}" + (result.Lossless ? $"; lossless at {result.Sent:N0} messages" : "; lossy at every count: no lossless rate");
        }
        else
        {
            note += "; C baseline not run: " + missing;
        }

        var figure = new BenchFigure(
            rowsPerMessage == BenchFleet.RowsPerMessage ? "lossless_rate" : $"lossless_rate_{rowsPerMessage}_rows",
            $"Lossless end-to-end rate, agents to ledger, {setting.GpusPerMessage} GPUs × {setting.TicksPerMessage} s per message",
            "samples/s", held, "C librdkafka producer and consumer at full speed, lossless msg/s × rows per message", c,
            "≥ 1,000,000 samples/s and ratio ≥ 0.5", c is { } v ? held >= 1_000_000 && held / v >= 0.5 : held >= 1_000_000 ? null : false, note)
        { Gpus = fleet.Gpus };
        return (figure, steps);
    }

    private static string Describe(LosslessStep s) =>
        $"{s.Offered:N0}/s offered: {s.Delivered:N0}/s sent, {s.Aggregated:N0} of {s.Sent:N0} aggregated, read to the end {s.CatchUpSeconds:0.0} s after the last acknowledgement{(s.Held ? "" : " (not held)")}";

    // The C program cannot pace its producer: it sends at full speed, and where its consumer falls behind, the mock
    // drops messages. Its lossless rate is taken at full speed with as many messages as the highest rate that held (or
    // the lowest offered), halved until nothing is lost, or cut to as many as arrived when fewer did (more would be
    // lost again, and each lossy try costs the C consumer's 5 s wait); a smaller count weighs its start-up more.
    private static (CBaselineResult Result, string Tries) LosslessBaseline(CBaseline baseline, LosslessStep same, int partitions, ProducerSetting setting)
    {
        var tries = new List<string>();
        for (var count = same.Messages; ;)
        {
            var result = baseline.Run(count, setting.LingerMs, setting.Compression, same.MeanBytes, partitions);
            tries.Add($"{result.Received:N0}/{result.Sent:N0} messages, {result.EndToEndPerSecond:N0} msg/s end to end");
            if (result.Lossless || count < 2_000)
            {
                return (result, string.Join(", ", tries));
            }

            count = Math.Max(1, Math.Min(count / 2, result.Received));
        }
    }

    private static async Task<LosslessStep> OfferAsync(BenchFleet fleet, int rate, TimeSpan each, int partitions, ProducerSetting setting, TimeSpan? catchUp, CancellationToken cancellationToken)
    {
        using var cluster = new BenchCluster(partitions, fleet.Nodes, setting.Compression, setting.LingerMs);
        var consumers = cluster.Aggregators(1);
        try
        {
            return await OfferAsync(cluster, consumers, fleet, rate, each, setting, catchUp, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            consumers.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// Offers one rate to aggregators of one consumer group (one or several instances) and says whether it held: every
    /// sample sent aggregated by one of them.
    /// </summary>
    public static async Task<LosslessStep> OfferAsync(
        BenchCluster cluster, IReadOnlyList<AggregatorConsumer> consumers, BenchFleet fleet, int rate, TimeSpan each, ProducerSetting setting, TimeSpan? catchUp, CancellationToken cancellationToken)
    {
        var clock = new Stopwatch();
        var produced = false;
        var lastConsumed = 0L;
        var caughtUp = TimeSpan.Zero;
        var quiet = Stopwatch.StartNew();
        var gate = new Lock();
        bool Finished()
        {
            if (!produced)
            {
                return false;
            }

            lock (gate)
            {
                var consumed = consumers.Sum(c => c.Messages.Consumed);
                if (consumed != lastConsumed)
                {
                    lastConsumed = consumed;
                    quiet.Restart();
                }

                // This is called only when a consumer is idle. Once they have seen messages lost (the broker dropped
                // them), or once they have been idle a while at the end of every partition (the broker dropped a
                // partition's head before it was read: no gap to see), they have read what the broker kept, and
                // waiting longer brings nothing.
                caughtUp = clock.Elapsed;
                var lost = consumers.Sum(c => c.Messages.SkippedOffsets + c.Messages.LostMessages) > 0;
                var atEnd = consumers.All(c => c.Messages.Lag == 0) && quiet.Elapsed > TimeSpan.FromSeconds(1.5);
                return lastConsumed >= cluster.MessagesDelivered || lost || atEnd || quiet.Elapsed > TimeSpan.FromSeconds(10);
            }
        }

        var runs = consumers.Select(c => c.RunAsync(Finished, cancellationToken)).ToList();

        // The mock broker takes a few seconds to form the consumer's group: encode the agents' messages meanwhile.
        var ticks = setting.TicksPerMessage;
        var messageTicks = (int)Math.Max(2, Math.Ceiling(rate * each.TotalSeconds / fleet.Gpus / ticks));
        var payloads = Enumerable.Range(0, messageTicks).Select(t => fleet.Payloads(t * ticks, setting.GpusPerMessage, ticks)).ToList();
        var messages = payloads.Sum(p => (long)p.Count);
        var meanBytes = (int)(payloads.Sum(p => p.Sum(m => (long)m.Length)) / messages);
        await BenchCluster.GroupFormedAsync(consumers, cancellationToken).ConfigureAwait(false);
        clock.Start();
        var seconds = await Task.Run(() => Send(cluster, payloads, rate, setting), cancellationToken).ConfigureAwait(false);
        var acknowledged = clock.Elapsed;
        produced = true;
        await Task.WhenAll(runs).ConfigureAwait(false);
        var wireBytes = cluster.WireBytes();
        var sent = cluster.RowsSent;
        var delivered = sent / seconds;
        var aggregated = consumers.Sum(c => c.Counters.Aggregated);
        var behind = caughtUp - acknowledged;
        var held = aggregated == sent && delivered >= 0.9 * rate && (catchUp is null || behind <= catchUp);
        return new LosslessStep(rate, delivered, sent, aggregated, held, messages, meanBytes, setting.RowsPerMessage, wireBytes, behind.TotalSeconds);
    }

    // Paced in slices of a millisecond; returns the seconds from the first message to the last one acknowledged. A
    // node's messages of a tick go through its one agent, as its GPUs' messages would.
    private static double Send(BenchCluster cluster, List<List<byte[]>> payloads, int rate, ProducerSetting setting)
    {
        var (rowsPerMessage, messagesPerNode) = (setting.RowsPerMessage, setting.MessagesPerNode);
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        foreach (var tick in payloads)
        {
            for (var m = 0; m < tick.Count; m++)
            {
                while (rows > rate * clock.Elapsed.TotalSeconds)
                {
                    Thread.Sleep(1);
                }

                cluster.Publish(m / messagesPerNode, tick[m], rowsPerMessage);
                rows += rowsPerMessage;
            }
        }

        cluster.Flush();
        return clock.Elapsed.TotalSeconds;
    }
}
