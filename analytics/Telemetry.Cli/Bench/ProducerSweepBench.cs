using System.Diagnostics;
using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The producer sweep: the lossless end-to-end rate (agents through Confluent.Kafka and the embedded broker to the
/// aggregator and ledger) and the bytes a sample takes on the wire, for the agents' default producer setting and for
/// each setting one factor away from it: linger, compression, and rows per message. Every figure sits beside the
/// default's from the same run, and beside the C producer and consumer with the same codec, linger and message size.
/// </summary>
internal sealed class ProducerSweepBench(ProducerSweepScale scale)
{
    public static IReadOnlyList<int> Lingers { get; } = [0, 5, 20, 50];

    public static IReadOnlyList<string> Codecs { get; } = ["none", "lz4", "zstd"];

    /// <summary>GPUs and seconds of samples in a message: one GPU's second, a node's second, a node's 5 seconds.</summary>
    public static IReadOnlyList<(int Gpus, int Ticks)> Shapes { get; } = [(1, 1), (BenchFleet.GpusPerNode, 1), (BenchFleet.GpusPerNode, 5)];

    /// <summary>The default first, then each setting that differs from it in one factor, with their keys.</summary>
    public static IReadOnlyList<(string Key, ProducerSetting Setting)> Settings(ProducerSetting defaults)
    {
        var settings = new List<(string, ProducerSetting)> { ("default", defaults) };
        settings.AddRange(Lingers.Where(l => l != defaults.LingerMs).Select(l => ($"linger_{l}ms", defaults with { LingerMs = l })));
        settings.AddRange(Codecs.Where(c => c != defaults.Compression).Select(c => ($"compression_{c}", defaults with { Compression = c })));
        settings.AddRange(Shapes.Where(s => s != (defaults.GpusPerMessage, defaults.TicksPerMessage))
            .Select(s => ($"rows_{s.Gpus * s.Ticks}", defaults with { GpusPerMessage = s.Gpus, TicksPerMessage = s.Ticks })));
        return settings;
    }

    /// <summary>The steps, in the order they run.</summary>
    public static IReadOnlyList<string> Steps { get; } = ["baseline build", .. Settings(ProducerSetting.Default).Select(s => s.Key)];

    /// <summary>Runs every setting; <paramref name="progress"/> hears each step's name as it starts, and what it is doing.</summary>
    public async Task<ProducerSweepResult> RunAsync(Action<string, string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Settings that differ only in linger or codec send the very same messages: encode them once.
        var fleet = new BenchFleet(scale.Gpus, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000) - (2 * 3_600_000)) { KeepsPayloads = true };
        progress("baseline build", "shared/bench/build.sh");
        var baseline = CBaseline.Build(out var missing);
        var figures = new List<ProducerSweepFigure>();
        foreach (var (key, setting) in Settings(ProducerSetting.Default))
        {
            var search = figures.Count == 0
                ? LosslessRateSearch.Bracket(scale.DefaultStart, scale.Factor * scale.Factor, scale.Refinements + 1, scale.MaxSteps, scale.Floor, scale.Ceiling)
                : LosslessRateSearch.Bracket(Estimate(fleet, figures[0], setting), scale.Factor, scale.Refinements, scale.MaxSteps, scale.Floor, scale.Ceiling);
            var (c, why) = scale.BaselineForEvery || figures.Count == 0 || setting.Compression != ProducerSetting.Default.Compression
                ? (baseline, missing)
                : (null, "--quick runs it for the default setting and the other codecs only");
            var (lossless, steps) = await LosslessRateBench.RunAsync(fleet, search, scale.RateEach, scale.Partitions, setting, ProducerSweepScale.CatchUp, c, why,
                what => progress(key, what), cancellationToken).ConfigureAwait(false);
            progress(key, "bytes on the wire, one producer a node");
            var agentWire = AgentWireBench.BytesPerSample(fleet, setting);
            figures.Add(new ProducerSweepFigure(key, setting, lossless with { Key = key, What = setting.ToString() }, steps, null, null, agentWire, null));
        }

        var defaults = figures[0];
        figures = [.. figures.Select(f => f with
        {
            RateVsDefault = Ratio(f.Lossless.Value, defaults.Lossless.Value),
            WireVsDefault = Ratio(f.WireBytesPerSample, defaults.WireBytesPerSample),
            AgentWireVsDefault = Ratio(f.AgentWireBytesPerSample, defaults.AgentWireBytesPerSample),
        })];
        return new ProducerSweepResult(scale.Name, figures, BenchMachine.Describe(), clock.Elapsed.TotalSeconds);
    }

    private static double? Ratio(double value, double ofDefault) => ofDefault > 0 ? value / ofDefault : null;

    // Where to start looking for a setting's rate: the default's, scaled by the payload bytes a sample, as the producer
    // compresses, the broker moves and the aggregator decodes bytes (in the pipeline bench 8 GPUs × 1 s messages, 1,316
    // bytes a sample, held 0.40 of the default's rate, 481 bytes a sample); the search goes up or down from there.
    private int Estimate(BenchFleet fleet, ProducerSweepFigure defaults, ProducerSetting setting)
    {
        var held = LosslessStep.HighestHeld(defaults.Steps)?.Offered ?? scale.Floor;
        using var batch = fleet.Batch(0, setting.GpusPerMessage, 0, setting.TicksPerMessage);
        var bytesPerSample = (double)SampleBatchCodec.Encode(batch).Length / setting.RowsPerMessage;
        return Math.Clamp(LosslessRateSearch.Round(held * defaults.PayloadBytesPerSample / bytesPerSample), scale.Floor, scale.Ceiling);
    }
}
