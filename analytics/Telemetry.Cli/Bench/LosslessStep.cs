namespace Telemetry.Cli.Bench;

/// <summary>One offered rate of the lossless sweep.</summary>
/// <param name="Offered">Samples per second offered.</param>
/// <param name="Delivered">Samples per second the agents sent, acknowledgements included.</param>
/// <param name="Sent">Samples sent.</param>
/// <param name="Aggregated">Samples the aggregator reduced into windows.</param>
/// <param name="Held">Whether every sample arrived and the agents kept up the rate (and the aggregator, where asked).</param>
/// <param name="Messages">Messages sent.</param>
/// <param name="MeanBytes">Mean payload size.</param>
/// <param name="RowsPerMessage">Samples in each message.</param>
/// <param name="WireBytes">Bytes the agents' producer sent to the broker: compressed batches with their framing.</param>
/// <param name="CatchUpSeconds">How long after the last message was acknowledged the aggregator had read them all.</param>
internal sealed record LosslessStep(double Offered, double Delivered, long Sent, long Aggregated, bool Held, long Messages, int MeanBytes, int RowsPerMessage, long WireBytes, double CatchUpSeconds)
{
    /// <summary>The highest offered rate that held, if any did.</summary>
    public static LosslessStep? HighestHeld(IEnumerable<LosslessStep> steps) => steps.Where(s => s.Held).MaxBy(s => s.Offered);

    /// <summary>The step a figure is taken from: the highest offered rate that held, else the lowest offered.</summary>
    public static LosslessStep Representative(IReadOnlyList<LosslessStep> steps) => HighestHeld(steps) ?? steps.MinBy(s => s.Offered)!;

    /// <summary>Bytes on the wire for each sample sent.</summary>
    public double WireBytesPerSample => Sent == 0 ? 0 : (double)WireBytes / Sent;
}
