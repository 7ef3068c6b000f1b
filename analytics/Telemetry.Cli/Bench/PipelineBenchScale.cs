namespace Telemetry.Cli.Bench;

/// <summary>How large the pipeline benchmark runs: fleets, ticks, partitions and offered rates.</summary>
internal sealed record PipelineBenchScale(
    string Name,
    int DecodeGpus,
    TimeSpan AtLeast,
    int[] ReductionGpus,
    long ReductionRows,
    int AllocationGpus,
    int DrainGpus,
    int DrainTicks,
    int Partitions,
    int LosslessGpus,
    int[] Rates,
    TimeSpan RateEach,
    int FleetGpus,
    int FleetRate,
    TimeSpan FleetEach)
{
    /// <summary>The full run: reduction and memory at 4k, 100k and 450k GPUs, and a 450k-GPU fleet at 1 Hz end to end.</summary>
    public static PipelineBenchScale Full { get; } = new("full", 4096, TimeSpan.FromSeconds(2), [4096, 100_000, 450_000], 1_000_000, 4096, 16_384, 5, 16, 4096,
        [100_000, 200_000, 250_000, 300_000, 350_000, 400_000, 500_000, 600_000, 800_000, 1_000_000, 1_200_000, 1_600_000, 2_000_000, 2_400_000, 2_800_000, 3_200_000], TimeSpan.FromSeconds(4),
        450_000, 450_000, TimeSpan.FromSeconds(10));

    /// <summary>A run of a few minutes at most: reduction at 4k and 100k GPUs, a coarser rate sweep, a 100k-GPU fleet end to end.</summary>
    public static PipelineBenchScale Quick { get; } = new("quick", 4096, TimeSpan.FromSeconds(0.5), [4096, 100_000], 400_000, 4096, 4096, 10, 8, 4096,
        [100_000, 200_000, 400_000, 800_000, 1_600_000], TimeSpan.FromSeconds(2),
        100_000, 100_000, TimeSpan.FromSeconds(10));

    /// <summary>A run of seconds on a few GPUs, to check that every figure comes out.</summary>
    public static PipelineBenchScale Tiny { get; } = new("tiny", 64, TimeSpan.FromMilliseconds(20), [64], 1_000, 64, 64, 5, 2, 64,
        [2_000], TimeSpan.FromSeconds(0.5),
        64, 2_000, TimeSpan.FromSeconds(0.5));

    /// <summary>Ticks of the reduction data for a fleet: enough for the rows asked, and at least three.</summary>
    public int ReductionTicks(int gpus) => (int)Math.Max(3, (ReductionRows / gpus) + 1);

    /// <summary>Messages a node of the reduction data in agents' messages: as many ticks as <see cref="ReductionTicks"/>, and at least three messages.</summary>
    public int ReductionMessages(int gpus) => Math.Max(3, (ReductionTicks(gpus) + BenchFleet.TicksPerMessage - 1) / BenchFleet.TicksPerMessage);
}
