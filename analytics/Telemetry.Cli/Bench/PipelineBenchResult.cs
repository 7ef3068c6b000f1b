namespace Telemetry.Cli.Bench;

/// <summary>Every figure of one pipeline benchmark run, with the lossless sweep's steps.</summary>
/// <param name="Scale">Which scale ran.</param>
/// <param name="Figures">The figures, each beside its baseline.</param>
/// <param name="LosslessSteps">The offered rates of the lossless sweep.</param>
/// <param name="Machine">Cores, OS and runtime.</param>
/// <param name="Seconds">Wall time of the whole run.</param>
internal sealed record PipelineBenchResult(string Scale, IReadOnlyList<BenchFigure> Figures, IReadOnlyList<LosslessStep> LosslessSteps, string Machine, double Seconds);
