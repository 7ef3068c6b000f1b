using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The pipeline benchmark: decode, window reduction at several fleet sizes, DuckDB, memory, allocations, backlog drain,
/// the lossless end-to-end rate, a fleet at scale with one and two aggregator instances and, given a server, the
/// InfluxDB sink, each beside its baseline measured in the same run.
/// </summary>
internal sealed class PipelineBench(PipelineBenchScale scale, InfluxBenchServer? influx = null)
{
    // Aggregator instances, one thread each, beside DuckDB on as many threads: this machine's two cores, and the two
    // instances of the fleet step.
    private const int Instances = 2;

    /// <summary>The steps, in the order they run.</summary>
    public static IReadOnlyList<string> Steps { get; } = ["decode", "reduction", "allocations", "baseline build", "backlog drain", "lossless rate", "fleet scale", "influx sink"];

    /// <summary>Runs every step; <paramref name="progress"/> hears each step's name as it starts, and what it is doing.</summary>
    public async Task<PipelineBenchResult> RunAsync(Action<string, string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000) - (2 * 3_600_000);
        var figures = new List<BenchFigure>();

        progress("decode", $"{scale.DecodeGpus:N0} GPUs");
        figures.Add(DecodeBench.Run(new BenchFleet(scale.DecodeGpus, start), scale.AtLeast));

        WarmUp(start);
        foreach (var gpus in scale.ReductionGpus)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress("reduction", $"{gpus:N0} GPUs: building {scale.ReductionTicks(gpus)} ticks");
            using var data = ReductionData.Build(new BenchFleet(gpus, start), scale.ReductionTicks(gpus), 1024);
            progress("reduction", $"{gpus:N0} GPUs: reducing");
            var (reduction, memory) = ReductionBench.Run(data, scale.AtLeast);
            figures.Add(reduction);
            if (gpus == scale.ReductionGpus[^1])
            {
                figures.Add(memory);
                progress("reduction", $"{gpus:N0} GPUs: {Instances} instances");
                figures.Add(ReductionBench.RunInstances(data, Instances, scale.AtLeast));
            }

            // A whole window of samples a GPU at the first size; few samples a GPU, many GPUs, at the others.
            progress("reduction", $"{gpus:N0} GPUs: DuckDB");
            figures.AddRange(DuckDbBench.Run(data, Instances, scale.AtLeast));

            // The same reduction over the batches the aggregator is sent: each agent's message, a node's GPUs over 5 s.
            progress("reduction", $"{gpus:N0} GPUs: building agents' messages");
            using var messages = ReductionData.Messages(new BenchFleet(gpus, start), scale.ReductionMessages(gpus));
            progress("reduction", $"{gpus:N0} GPUs: reducing agents' messages");
            figures.Add(ReductionBench.Run(messages, scale.AtLeast).Reduction);
        }

        progress("allocations", $"{scale.AllocationGpus:N0} GPUs");
        figures.Add(AllocationBench.Run(new BenchFleet(scale.AllocationGpus, start), ticks: 6));

        progress("baseline build", "shared/bench/build.sh");
        var baseline = CBaseline.Build(out var missing);

        // The producer's compression, swept where it matters most to the consumer: the codec it decompresses.
        foreach (var compression in (string[])["lz4", "none", "zstd"])
        {
            progress("backlog drain", $"{scale.DrainGpus:N0} GPUs × {scale.DrainTicks} ticks, {compression}");
            figures.Add(await DrainBench.RunAsync(new BenchFleet(scale.DrainGpus, start), scale.DrainTicks, scale.Partitions, compression, baseline, missing, cancellationToken).ConfigureAwait(false));
        }

        var steps = new List<LosslessStep>();
        foreach (var ticksPerMessage in (int[])[BenchFleet.TicksPerMessage, 1])
        {
            var (lossless, offered) = await LosslessRateBench.RunAsync(new BenchFleet(scale.LosslessGpus, start), scale.Rates, scale.RateEach, scale.Partitions, ticksPerMessage,
                baseline, missing, what => progress("lossless rate", what), cancellationToken).ConfigureAwait(false);
            figures.Add(lossless);
            steps.AddRange(offered);
        }

        figures.AddRange(await FleetScaleBench.RunAsync(new BenchFleet(scale.FleetGpus, start), scale.FleetRate, scale.FleetEach, scale.Partitions,
            what => progress("fleet scale", what), cancellationToken).ConfigureAwait(false));

        figures.AddRange(await InfluxSinkBench.RunAsync(influx, scale, start, what => progress("influx sink", what), cancellationToken).ConfigureAwait(false));

        return new PipelineBenchResult(scale.Name, figures, steps, BenchMachine.Describe(), clock.Elapsed.TotalSeconds);
    }

    // The first aggregator in a process runs unoptimised code until tiered compilation catches up; keep that out of
    // the first fleet size's figure.
    private static void WarmUp(long start)
    {
        using var data = ReductionData.Build(new BenchFleet(256, start), 40, 256);
        Throughput.WarmUp(() =>
        {
            var aggregator = new Telemetry.Analytics.Aggregation.SampleAggregator(new Telemetry.Analytics.AggregatorOptions(), TimeProvider.System);
            foreach (var tick in data.Ticks)
            {
                ReductionBench.Reduce(aggregator, tick);
            }
        }, TimeSpan.FromSeconds(1));
    }
}
