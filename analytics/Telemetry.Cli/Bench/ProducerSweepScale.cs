namespace Telemetry.Cli.Bench;

/// <summary>How large the producer sweep runs, and how finely it looks for each setting's lossless rate.</summary>
/// <param name="Name">Which scale.</param>
/// <param name="Gpus">GPUs of the fleet the agents send.</param>
/// <param name="Partitions">Partitions of the samples topic.</param>
/// <param name="RateEach">How long each offered rate lasts.</param>
/// <param name="DefaultStart">The first rate offered with the default setting.</param>
/// <param name="Factor">
/// Rates of the other settings go up or down by this factor from an estimate made from the default's figure; the
/// default's by its square, with one refinement more, as its search starts further away.
/// </param>
/// <param name="Refinements">Halvings, in log space, of the step between a rate that held and one that failed.</param>
/// <param name="MaxSteps">The most rates offered for one setting.</param>
/// <param name="BaselineForEvery">Whether the C baseline runs for every setting, or only for the default and the other codecs.</param>
internal sealed record ProducerSweepScale(string Name, int Gpus, int Partitions, TimeSpan RateEach, int DefaultStart, double Factor, int Refinements, int MaxSteps, bool BaselineForEvery)
{
    /// <summary>
    /// A rate holds only if the aggregator had read every message within this time of the last one's acknowledgement;
    /// otherwise the mock broker's buffer (about 5 MiB a partition) lets a setting that makes fewer bytes on the wire
    /// hold a short step that the aggregator does not keep up with. An aggregator that keeps up notices it has read
    /// everything 0.1 to 0.6 s after the last acknowledgement (its idle poll, a window close); one that falls behind,
    /// seconds after.
    /// </summary>
    public static TimeSpan CatchUp { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Each setting's rate to within 19 %, 4 s an offered rate.</summary>
    public static ProducerSweepScale Full { get; } = new("full", 4096, 8, TimeSpan.FromSeconds(4), 600_000, Math.Sqrt(2), 1, 6, true);

    /// <summary>Each setting's rate to within 41 %, 2 s an offered rate.</summary>
    public static ProducerSweepScale Quick { get; } = new("quick", 4096, 8, TimeSpan.FromSeconds(2), 600_000, Math.Sqrt(2), 0, 3, false);

    /// <summary>One offered rate a setting on a few GPUs, to check that every figure comes out.</summary>
    public static ProducerSweepScale Tiny { get; } = new("tiny", 64, 2, TimeSpan.FromSeconds(0.5), 2_000, Math.Sqrt(2), 0, 1, true);

    /// <summary>The lowest rate offered: below it a setting has no lossless rate here.</summary>
    public int Floor => Math.Max(1, DefaultStart / 100);

    /// <summary>The highest rate offered: above it the encoded payloads of one step would not fit comfortably in memory.</summary>
    public int Ceiling => DefaultStart * 8;
}
