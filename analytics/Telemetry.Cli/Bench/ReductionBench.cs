using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Apache.Arrow;
using Telemetry.Analytics;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Window reduction: the real aggregator reducing decoded batches into per-GPU windows (every step after the first, so
/// that every row also closes an interval; windows that the watermark passes are closed inside the timing), against a
/// <see cref="Vector{T}"/> sum over the same columns. The aggregator's managed heap growth over the run, per GPU
/// tracked, is its memory per GPU.
/// </summary>
internal static class ReductionBench
{
    private static readonly SourcePartition Source = new(Topics.Samples, 0);

    public static (BenchFigure Reduction, BenchFigure Memory) Run(ReductionData data, TimeSpan atLeast)
    {
        var gpus = data.Fleet.Gpus;
        var measured = data.Ticks.Skip(1).SelectMany(t => t).ToList();
        var rows = measured.Sum(b => (long)b.Length);
        var summed = Throughput.PerSecond(() => Sink = Sum(measured), rows, atLeast);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
        Reduce(aggregator, data.Ticks[0]);
        var clock = Stopwatch.StartNew();
        for (var tick = 1; tick < data.Ticks.Length; tick++)
        {
            Reduce(aggregator, data.Ticks[tick]);
        }

        var reduced = rows / clock.Elapsed.TotalSeconds;
        if (aggregator.Counters.Aggregated != data.Rows)
        {
            throw new InvalidOperationException($"The aggregator aggregated {aggregator.Counters.Aggregated:N0} of {data.Rows:N0} rows in {data.Shape}.");
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perGpu = (double)(after - before) / aggregator.TrackedGpus;
        var rowBytes = (double)data.EncodedBytes / data.Rows;
        var open = aggregator.OpenWindows;
        GC.KeepAlive(aggregator);

        var (id, name) = data.AsMessages ? ($"reduction_{gpus}_messages", $"Window reduction, {gpus:N0} GPUs, in agents' messages") : ($"reduction_{gpus}", $"Window reduction, {gpus:N0} GPUs");
        var reduction = new BenchFigure(id, name, "rows/s", reduced, "Vector<float> sum over the same columns", summed,
            "ratio ≥ 0.25 at 450k GPUs", gpus >= 450_000 ? reduced / summed >= 0.25 : null,
            $"{rows:N0} rows in {data.Shape}, {data.Ticks.Length - 1} steps after the first")
        { Gpus = gpus };
        var memory = new BenchFigure($"memory_per_gpu_{gpus}", $"Aggregator memory per GPU tracked, {gpus:N0} GPUs", "bytes", perGpu, "one sample row as Arrow IPC", rowBytes,
            "≤ 2 KB per GPU", perGpu <= 2048,
            $"managed heap growth over the run / GPUs tracked, with {open} open window(s) holding every GPU; lower is better")
        { Gpus = gpus };
        return (reduction, memory);
    }

    /// <summary>
    /// The same reduction by <paramref name="instances"/> aggregator instances of one group, each on its own thread with
    /// its share of the GPUs (whole batches, the same ones every tick, as partitions split nodes between instances), as
    /// the same number of instances would run on this machine's cores; against the vector sum of each share on as many
    /// threads. The first tick is reduced before the clock starts, as in <see cref="Run"/>.
    /// </summary>
    public static BenchFigure RunInstances(ReductionData data, int instances, TimeSpan atLeast)
    {
        var gpus = data.Fleet.Gpus;
        var shares = Shares(data, instances);
        var measured = shares.Select(share => share.Skip(1).SelectMany(t => t).ToList()).ToArray();
        var rows = measured.Sum(share => share.Sum(b => (long)b.Length));
        var summed = Throughput.PerSecond(() => Parallel.For(0, instances, i => Sink = Sum(measured[i])), rows, atLeast);

        var (reduced, tracked) = MedianOfThree(shares, data.Rows, whole: false);
        return new BenchFigure($"reduction_{gpus}_{instances}_instances", $"Window reduction, {gpus:N0} GPUs, {instances} instances on {instances} threads", "rows/s", reduced,
            $"Vector<float> sum over the same columns on {instances} threads", summed, "ratio ≥ 0.25 at 450k GPUs", gpus >= 450_000 ? reduced / summed >= 0.25 : null,
            $"{rows:N0} rows, median of 3 runs; instances' GPUs: " + string.Join(" / ", tracked.Select(g => g.ToString("N0", CultureInfo.InvariantCulture))))
        { Gpus = gpus };
    }

    /// <summary>
    /// The whole aggregation, as a query engine does it, by <paramref name="instances"/> instances on as many threads:
    /// every row from the first tick (the GPUs first seen included) and every window closed into its rows' figures
    /// (whose row objects are made when read, and none is read here), from new instances; rows per second, the median
    /// of three runs.
    /// </summary>
    public static double Aggregate(ReductionData data, int instances) => MedianOfThree(Shares(data, instances), data.Rows, whole: true).RowsPerSecond;

    // Each instance's share of the batches: whole batches, the same GPUs every tick.
    private static List<SampleBatch>[][] Shares(ReductionData data, int instances) =>
        Enumerable.Range(0, instances).Select(i => data.Ticks.Select(tick => tick.Where((_, b) => b % instances == i).ToList()).ToArray()).ToArray();

    // One run takes a fraction of a second: the median of three, each with new instances.
    private static (double RowsPerSecond, int[] Tracked) MedianOfThree(List<SampleBatch>[][] shares, long allRows, bool whole) =>
        Enumerable.Range(0, 3).Select(_ => ReduceInParallel(shares, allRows, whole)).OrderBy(r => r.RowsPerSecond).ElementAt(1);

    // One thread per share. Whole: every tick and the closing of every window are timed; else each share's first tick
    // is reduced before the clock starts and the windows stay open, as in Run.
    private static (double RowsPerSecond, int[] Tracked) ReduceInParallel(List<SampleBatch>[][] shares, long allRows, bool whole)
    {
        // Each run starts from a collected heap, not with the last run's instances (a gigabyte at 450,000 GPUs) left for
        // its own collections to find.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var aggregators = shares.Select(_ => new SampleAggregator(new AggregatorOptions(), TimeProvider.System)).ToArray();
        var first = whole ? 0 : 1;
        if (!whole)
        {
            for (var i = 0; i < shares.Length; i++)
            {
                Reduce(aggregators[i], shares[i][0]);
            }
        }

        using var ready = new Barrier(shares.Length + 1);
        var threads = Enumerable.Range(0, shares.Length).Select(i => new Thread(() =>
        {
            ready.SignalAndWait();
            for (var tick = first; tick < shares[i].Length; tick++)
            {
                Reduce(aggregators[i], shares[i][tick]);
            }

            if (whole)
            {
                aggregators[i].CloseAll();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        ready.SignalAndWait();
        var clock = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        var elapsed = clock.Elapsed.TotalSeconds;

        var aggregated = aggregators.Sum(a => a.Counters.Aggregated);
        if (aggregated != allRows)
        {
            throw new InvalidOperationException($"{shares.Length} instances aggregated {aggregated:N0} of {allRows:N0} rows.");
        }

        var rows = shares.Sum(share => share.Skip(first).Sum(tick => tick.Sum(b => (long)b.Length)));
        return (rows / elapsed, aggregators.Select(a => a.TrackedGpus).ToArray());
    }

    /// <summary>Every window of the data, closed, from one instance that aggregated every tick: what the rows timed produce.</summary>
    public static IReadOnlyList<ClosedWindow> Windows(ReductionData data, AggregatorOptions options)
    {
        var aggregator = new SampleAggregator(options, TimeProvider.System);
        var closed = new List<ClosedWindow>();
        foreach (var tick in data.Ticks)
        {
            closed.AddRange(Reduce(aggregator, tick));
        }

        closed.AddRange(aggregator.CloseAll());
        return closed;
    }

    /// <summary>Reduces one step's batches, then closes the windows the watermark has passed; those windows.</summary>
    public static IReadOnlyList<ClosedWindow> Reduce(SampleAggregator aggregator, List<SampleBatch> tick)
    {
        foreach (var batch in tick)
        {
            aggregator.AddSamples(batch, Source, 0);
        }

        return aggregator.CloseReadyWindows();
    }

    /// <summary>The sum of every value column of these batches, vectorised.</summary>
    public static double Sum(List<SampleBatch> batches)
    {
        var floats = 0f;
        var longs = 0L;
        foreach (var batch in batches)
        {
            foreach (var column in batch.Batch.Arrays)
            {
                switch (column)
                {
                    case FloatArray f:
                        floats += SumOf(f.Values);
                        break;
                    case Int64Array l:
                        longs += SumOf(l.Values);
                        break;
                }
            }
        }

        return floats + longs;
    }

    private static T SumOf<T>(ReadOnlySpan<T> values) where T : struct, INumber<T>
    {
        var sum = Vector<T>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            sum += new Vector<T>(values[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    /// <summary>Keeps the sum observable, so that the JIT cannot drop the loop.</summary>
    private static double Sink { get; set; }
}
