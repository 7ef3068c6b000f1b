namespace Telemetry.Cli.Bench;

/// <summary>One producer setting's figures, beside the default setting's from the same run.</summary>
/// <param name="Key">Stable machine name: <c>default</c>, <c>linger_0ms</c>, <c>compression_zstd</c>, <c>rows_8</c>, ...</param>
/// <param name="Setting">The producer setting.</param>
/// <param name="Lossless">The lossless end-to-end rate beside its C baseline (same codec, linger and message size).</param>
/// <param name="Steps">The rates offered.</param>
/// <param name="RateVsDefault">Lossless rate over the default setting's.</param>
/// <param name="WireVsDefault">Bytes a sample on the wire over the default setting's.</param>
/// <param name="AgentWireBytesPerSample">Bytes a sample on the wire when each node's agent sends with its own producer.</param>
/// <param name="AgentWireVsDefault">The same over the default setting's.</param>
internal sealed record ProducerSweepFigure(
    string Key, ProducerSetting Setting, BenchFigure Lossless, IReadOnlyList<LosslessStep> Steps, double? RateVsDefault, double? WireVsDefault, double AgentWireBytesPerSample, double? AgentWireVsDefault)
{
    private LosslessStep Figure => LosslessStep.Representative(Steps);

    /// <summary>Bytes a sample on the wire in the lossless benchmark (one producer for every node), compressed batches and requests' framing included, at the figure's rate.</summary>
    public double WireBytesPerSample => Figure.WireBytesPerSample;

    /// <summary>Bytes a sample in the Arrow IPC payloads, before compression.</summary>
    public double PayloadBytesPerSample => (double)Figure.MeanBytes / Figure.RowsPerMessage;
}
